import { FormatError } from '../errors.js';
import type { TagClass } from './tags.js';

/** The identifier and length octets of one element. */
export interface Asn1Header {
  readonly tagClass: TagClass;
  readonly constructed: boolean;
  readonly tagNumber: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Content length, or `null` for the BER indefinite form (content ends with two zero octets). */
  readonly length: number | null;
}

/** High-tag-number form: more than this many subsequent octets cannot be a tag we would accept. */
const MAX_TAG_OCTETS = 4;

/**
 * Reads the identifier and length octets at `offset`, checking every length against `limit`
 * (the end of the enclosing content), so a length can never point past the bytes we hold.
 */
export function readHeader(source: Uint8Array, offset: number, limit: number): Asn1Header {
  const first = byteAt(source, offset, limit);
  const tagClass = (first >> 6) as TagClass;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  let position = offset + 1;
  if (tagNumber === 0x1f) {
    [tagNumber, position] = readHighTagNumber(source, position, limit);
  }
  const lengthOctet = byteAt(source, position, limit);
  position += 1;
  if (lengthOctet === 0x80) {
    if (!constructed) throw invalid(offset, 'a primitive element cannot use the indefinite length form');
    return { tagClass, constructed, tagNumber, contentStart: position, length: null };
  }
  let length = lengthOctet;
  if (lengthOctet > 0x80) {
    [length, position] = readLongLength(source, position, limit, lengthOctet & 0x7f, offset);
  }
  if (length > limit - position) {
    throw new FormatError(
      'asn1.truncated',
      `the element at offset ${offset} claims ${length} content bytes but only ${limit - position} remain`,
    );
  }
  return { tagClass, constructed, tagNumber, contentStart: position, length };
}

function readHighTagNumber(source: Uint8Array, position: number, limit: number): [number, number] {
  let tagNumber = 0;
  for (let count = 1; ; count++) {
    const octet = byteAt(source, position, limit);
    position += 1;
    tagNumber = tagNumber * 128 + (octet & 0x7f);
    if ((octet & 0x80) === 0) return [tagNumber, position];
    if (count === MAX_TAG_OCTETS) throw invalid(position, 'tag number too large');
  }
}

function readLongLength(
  source: Uint8Array,
  position: number,
  limit: number,
  octetCount: number,
  elementOffset: number,
): [number, number] {
  if (octetCount === 0x7f) throw invalid(elementOffset, 'reserved length octet 0xFF');
  let length = 0;
  for (let i = 0; i < octetCount; i++) {
    length = length * 256 + byteAt(source, position, limit);
    position += 1;
  }
  // Past 2^53 the arithmetic is inexact, but such a length exceeds any buffer anyway.
  return [length, position];
}

function byteAt(source: Uint8Array, position: number, limit: number): number {
  if (position >= limit) {
    throw new FormatError('asn1.truncated', `the input ends inside an element header at offset ${position}`);
  }
  return source[position]!;
}

function invalid(offset: number, problem: string): FormatError {
  return new FormatError('asn1.invalid', `${problem} (at offset ${offset})`);
}
