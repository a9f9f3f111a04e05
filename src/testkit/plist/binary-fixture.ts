/**
 * Test support: assembles a `bplist00` file from raw object bytes, so tests can build the
 * malformed and hostile files that `writeBinaryPlist` never would. Not used by production code.
 */

/** Trailer fields a test may override to describe a file that lies about itself. */
export interface RawTrailerOverrides {
  readonly offsetSize?: number;
  readonly refSize?: number;
  readonly objectCount?: number;
  readonly topObject?: number;
  readonly offsetTableStart?: number;
}

export interface RawPlistOptions {
  /** Bytes written between the header and the first object, e.g. fill bytes (0x0F). */
  readonly padding?: readonly number[];
  /** Replaces the computed offset of object `index`. */
  readonly offsetOverrides?: Readonly<Record<number, number>>;
  readonly trailer?: RawTrailerOverrides;
}

/**
 * Concatenates header, objects (each given as its exact bytes, references already encoded),
 * offset table and trailer. Offsets are computed unless overridden; the offset size is the
 * smallest that fits.
 */
export function assembleBinaryPlist(objects: readonly (readonly number[])[], options: RawPlistOptions = {}): Uint8Array {
  const bytes: number[] = [...'bplist00'].map((char) => char.charCodeAt(0));
  bytes.push(...(options.padding ?? []));
  const offsets = objects.map((object, index) => {
    const offset = bytes.length;
    for (const byte of object) bytes.push(byte);
    return options.offsetOverrides?.[index] ?? offset;
  });
  const offsetTableStart = bytes.length;
  const offsetSize = options.trailer?.offsetSize ?? sizeFor(Math.max(offsetTableStart, ...offsets));
  for (const offset of offsets) bytes.push(...bigEndian(offset, offsetSize));
  bytes.push(0, 0, 0, 0, 0, 0);
  bytes.push(offsetSize, options.trailer?.refSize ?? 1);
  bytes.push(...bigEndian(options.trailer?.objectCount ?? objects.length, 8));
  bytes.push(...bigEndian(options.trailer?.topObject ?? 0, 8));
  bytes.push(...bigEndian(options.trailer?.offsetTableStart ?? offsetTableStart, 8));
  return Uint8Array.from(bytes);
}

/** `value` as `size` big-endian bytes (`value` up to 2^53). */
export function bigEndian(value: number, size: number): number[] {
  const out = new Array<number>(size).fill(0);
  let rest = value;
  for (let i = size - 1; i >= 0 && rest > 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return out;
}

/** An ASCII string object. */
export function asciiObject(text: string): number[] {
  return [...lengthMarker(0x5, text.length), ...[...text].map((char) => char.charCodeAt(0))];
}

/** A marker byte with `count` in its low nibble, or 0xF followed by a one-, two- or four-byte integer. */
export function lengthMarker(type: number, count: number): number[] {
  if (count < 15) return [(type << 4) | count];
  const size = count <= 0xff ? 1 : count <= 0xffff ? 2 : 4;
  return [(type << 4) | 0x0f, 0x10 | Math.log2(size), ...bigEndian(count, size)];
}

function sizeFor(value: number): number {
  if (value <= 0xff) return 1;
  if (value <= 0xffff) return 2;
  return value <= 0xffffffff ? 4 : 8;
}
