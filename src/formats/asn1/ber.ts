import { concatBytes } from './bytes.js';
import { contextIdentifier, encodeIdentifier, encodeTlv } from './encode.js';
import { TagClass, UniversalTag } from './tags.js';

const END_OF_CONTENTS = Uint8Array.of(0, 0);
const INDEFINITE_LENGTH = Uint8Array.of(0x80);

/**
 * The BER forms Apple's CMS encoder uses and DER forbids, for building realistic fixtures:
 * indefinite lengths and OCTET STRINGs split into chunks.
 */
export const ber = {
  /** A constructed element in the indefinite length form: identifier, 0x80, children, 00 00. */
  indefinite(identifier: Uint8Array, ...children: Uint8Array[]): Uint8Array {
    return concatBytes([identifier, INDEFINITE_LENGTH, ...children, END_OF_CONTENTS]);
  },

  /** A SEQUENCE with an indefinite length. */
  sequence(...children: Uint8Array[]): Uint8Array {
    return ber.indefinite(encodeIdentifier(TagClass.universal, true, UniversalTag.sequence), ...children);
  },

  /** `[tagNumber] EXPLICIT` with an indefinite length. */
  explicit(tagNumber: number, ...children: Uint8Array[]): Uint8Array {
    return ber.indefinite(contextIdentifier(tagNumber, true), ...children);
  },

  /** A constructed, indefinite-length OCTET STRING of primitive chunks of at most `chunkSize` octets. */
  chunkedOctetString(bytes: Uint8Array, chunkSize = 1000): Uint8Array {
    if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`bad chunk size ${chunkSize}`);
    const primitive = encodeIdentifier(TagClass.universal, false, UniversalTag.octetString);
    const chunks: Uint8Array[] = [];
    for (let offset = 0; offset < bytes.length; offset += chunkSize) {
      chunks.push(encodeTlv(primitive, bytes.subarray(offset, offset + chunkSize)));
    }
    return ber.indefinite(encodeIdentifier(TagClass.universal, true, UniversalTag.octetString), ...chunks);
  },
} as const;
