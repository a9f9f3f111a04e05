import { plistError } from './errors.js';

/** The eight bytes every binary plist starts with. */
export const BINARY_MAGIC = 'bplist00';
const HEADER_SIZE = 8;
const TRAILER_SIZE = 32;

/** The fixed-size trailer at the end of a binary plist, validated against the file's size. */
export interface BinaryTrailer {
  /** Bytes per entry of the offset table (1-8). */
  readonly offsetSize: number;
  /** Bytes per object reference inside arrays and dictionaries (1-8). */
  readonly refSize: number;
  readonly objectCount: number;
  readonly topObject: number;
  /** Where the offset table starts; objects lie between the header and this position. */
  readonly offsetTableStart: number;
}

/** True when `bytes` start with `bplist00`. */
export function hasBinaryMagic(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_SIZE) return false;
  for (let i = 0; i < HEADER_SIZE; i++) if (bytes[i] !== BINARY_MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * Reads and checks the trailer: sizes in range, the top object among the objects, and the
 * offset table inside the file between the header and the trailer.
 */
export function readTrailer(bytes: Uint8Array): BinaryTrailer {
  if (!hasBinaryMagic(bytes)) throw plistError('plist.unrecognized', 'not a bplist00 binary property list');
  if (bytes.length < HEADER_SIZE + TRAILER_SIZE + 1) {
    throw plistError('plist.truncated', `binary plist of ${bytes.length} bytes is too short for its trailer`);
  }
  const at = bytes.length - TRAILER_SIZE;
  const trailer: BinaryTrailer = {
    offsetSize: bytes[at + 6] as number,
    refSize: bytes[at + 7] as number,
    objectCount: readUnsigned(bytes, at + 8, 8),
    topObject: readUnsigned(bytes, at + 16, 8),
    offsetTableStart: readUnsigned(bytes, at + 24, 8),
  };
  checkTrailer(trailer, at);
  return trailer;
}

function checkTrailer(trailer: BinaryTrailer, trailerStart: number): void {
  const { offsetSize, refSize, objectCount, topObject, offsetTableStart } = trailer;
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) {
    throw plistError('plist.invalid_trailer', `offset size ${offsetSize} and reference size ${refSize} must be 1-8`);
  }
  if (objectCount < 1 || topObject >= objectCount) {
    throw plistError('plist.invalid_trailer', `top object ${topObject} is not among ${objectCount} objects`);
  }
  const tableEnd = offsetTableStart + objectCount * offsetSize;
  if (offsetTableStart <= HEADER_SIZE || tableEnd > trailerStart) {
    throw plistError('plist.bad_offset', `offset table at ${offsetTableStart} does not fit between header and trailer`);
  }
}

/**
 * Reads a big-endian unsigned integer of 1-8 bytes. Values beyond 2^53 lose precision, which is
 * harmless: every caller compares the result with the file size and rejects it.
 */
export function readUnsigned(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] as number);
  return value;
}
