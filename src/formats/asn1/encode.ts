import { concatBytes } from './bytes.js';
import { readHeader } from './header.js';
import { TagClass } from './tags.js';

/** Identifier octets for a tag (low and high tag-number forms). */
export function encodeIdentifier(tagClass: TagClass, constructed: boolean, tagNumber: number): Uint8Array {
  if (!Number.isSafeInteger(tagNumber) || tagNumber < 0) throw new RangeError(`bad tag number ${tagNumber}`);
  const leading = (tagClass << 6) | (constructed ? 0x20 : 0);
  if (tagNumber < 0x1f) return Uint8Array.of(leading | tagNumber);
  const groups = [tagNumber & 0x7f];
  for (let rest = Math.floor(tagNumber / 128); rest > 0; rest = Math.floor(rest / 128)) {
    groups.unshift((rest & 0x7f) | 0x80);
  }
  return Uint8Array.of(leading | 0x1f, ...groups);
}

/** DER length octets (short form below 128, else the shortest long form). */
export function encodeLength(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`bad length ${length}`);
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest & 0xff);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

/** A definite-length element: identifier, length, content. */
export function encodeTlv(identifier: Uint8Array, content: Uint8Array): Uint8Array {
  return concatBytes([identifier, encodeLength(content.length), content]);
}

/**
 * Replaces the tag of an encoded element, keeping its constructed bit, length and content
 * (IMPLICIT tagging of an element that was already encoded).
 */
export function retag(encoded: Uint8Array, tagClass: TagClass, tagNumber: number): Uint8Array {
  const header = readHeader(encoded, 0, encoded.length);
  const identifierLength = identifierOctetCount(encoded);
  const identifier = encodeIdentifier(tagClass, header.constructed, tagNumber);
  return concatBytes([identifier, encoded.subarray(identifierLength)]);
}

function identifierOctetCount(encoded: Uint8Array): number {
  if ((encoded[0]! & 0x1f) !== 0x1f) return 1;
  let count = 1;
  while ((encoded[count]! & 0x80) !== 0) count++;
  return count + 1;
}

/** The identifier of a context-specific tag, the most common kind this project writes. */
export function contextIdentifier(tagNumber: number, constructed: boolean): Uint8Array {
  return encodeIdentifier(TagClass.context, constructed, tagNumber);
}
