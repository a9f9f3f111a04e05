import { compareBytes, concatBytes, fromHex } from './bytes.js';
import { contextIdentifier, encodeIdentifier, encodeTlv, retag } from './encode.js';
import { encodeOid } from './oid.js';
import { TagClass, UniversalTag } from './tags.js';
import { encodeGeneralizedTimeText, encodeUtcTimeText } from './time.js';

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const UTF8 = new TextEncoder();

function universal(tagNumber: number, content: Uint8Array, constructed = false): Uint8Array {
  return encodeTlv(encodeIdentifier(TagClass.universal, constructed, tagNumber), content);
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

/** Minimal two's-complement octets of a signed integer. */
function twosComplement(value: bigint): Uint8Array {
  const octets: number[] = [];
  let rest = value;
  for (;;) {
    const octet = Number(rest & 0xffn);
    octets.unshift(octet);
    rest >>= 8n;
    const signSettled = (rest === 0n && (octet & 0x80) === 0) || (rest === -1n && (octet & 0x80) !== 0);
    if (signSettled) return Uint8Array.from(octets);
  }
}

/** INTEGER content for an unsigned big-endian magnitude (leading zeros dropped, one added for the sign). */
function unsignedMagnitude(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  if (trimmed.length === 0) return Uint8Array.of(0);
  return (trimmed[0]! & 0x80) !== 0 ? concatBytes([Uint8Array.of(0), trimmed]) : trimmed;
}

/**
 * A DER writer: each function returns the complete encoding of one element, so values nest by
 * plain function calls: `der.sequence(der.oid('1.2.3'), der.null())`.
 */
export const der = {
  sequence(...items: Uint8Array[]): Uint8Array {
    return universal(UniversalTag.sequence, concatBytes(items), true);
  },

  /**
   * A SET or SET OF. Elements are sorted by their encodings, which is the DER rule for SET OF
   * and, for a SET of distinct low-numbered tags, the same order as sorting by tag.
   */
  set(...items: Uint8Array[]): Uint8Array {
    const sorted = [...items].sort(compareBytes);
    return universal(UniversalTag.set, concatBytes(sorted), true);
  },

  /**
   * An INTEGER. A number or bigint is encoded as a signed value; a byte array is read as an
   * unsigned big-endian magnitude (a certificate serial, an RSA modulus).
   */
  integer(value: number | bigint | Uint8Array): Uint8Array {
    if (value instanceof Uint8Array) return universal(UniversalTag.integer, unsignedMagnitude(value));
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
    return universal(UniversalTag.integer, twosComplement(BigInt(value)));
  },

  /** An INTEGER from hex digits read as an unsigned magnitude (`"00FF"` and `"ff"` both give 255). */
  integerFromHex(hex: string): Uint8Array {
    return der.integer(fromHex(hex.length % 2 === 0 ? hex : `0${hex}`));
  },

  oid(dotted: string): Uint8Array {
    return universal(UniversalTag.objectIdentifier, encodeOid(dotted));
  },

  utf8String(text: string): Uint8Array {
    return universal(UniversalTag.utf8String, UTF8.encode(text));
  },

  /** A PrintableString; throws `RangeError` for characters outside its alphabet. */
  printableString(text: string): Uint8Array {
    if (!PRINTABLE.test(text)) throw new RangeError(`not printable: ${text}`);
    return universal(UniversalTag.printableString, ascii(text));
  },

  utcTime(date: Date): Uint8Array {
    return universal(UniversalTag.utcTime, ascii(encodeUtcTimeText(date)));
  },

  generalizedTime(date: Date): Uint8Array {
    return universal(UniversalTag.generalizedTime, ascii(encodeGeneralizedTimeText(date)));
  },

  /** The X.509 rule (RFC 5280): UTCTime through 2049, GeneralizedTime from 2050. */
  time(date: Date): Uint8Array {
    const year = date.getUTCFullYear();
    return year >= 1950 && year <= 2049 ? der.utcTime(date) : der.generalizedTime(date);
  },

  octetString(bytes: Uint8Array): Uint8Array {
    return universal(UniversalTag.octetString, bytes);
  },

  bitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
    if (unusedBits < 0 || unusedBits > 7 || (bytes.length === 0 && unusedBits !== 0)) {
      throw new RangeError(`bad unused bit count ${unusedBits}`);
    }
    return universal(UniversalTag.bitString, concatBytes([Uint8Array.of(unusedBits), bytes]));
  },

  null(): Uint8Array {
    return universal(UniversalTag.null, new Uint8Array(0));
  },

  boolean(value: boolean): Uint8Array {
    return universal(UniversalTag.boolean, Uint8Array.of(value ? 0xff : 0));
  },

  /** `[tagNumber] EXPLICIT`: a constructed context-specific element wrapping complete encodings. */
  explicit(tagNumber: number, ...inner: Uint8Array[]): Uint8Array {
    return encodeTlv(contextIdentifier(tagNumber, true), concatBytes(inner));
  },

  /** `[tagNumber] IMPLICIT`: the encoded element with its tag replaced (constructed bit kept). */
  implicit(tagNumber: number, encoded: Uint8Array): Uint8Array {
    return retag(encoded, TagClass.context, tagNumber);
  },

  /** Any element from its tag and content octets. */
  tagged(tagClass: TagClass, constructed: boolean, tagNumber: number, content: Uint8Array): Uint8Array {
    return encodeTlv(encodeIdentifier(tagClass, constructed, tagNumber), content);
  },
} as const;
