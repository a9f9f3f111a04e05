import { BINARY_MAGIC } from './binary-trailer.js';
import { ByteBuilder } from './byte-builder.js';
import { appleSecondsFromDate } from './dates.js';
import { plistError } from './errors.js';
import { NestingGuard } from './nesting-guard.js';
import type { PlistValue } from './types.js';
import { classify, isEncodableInteger } from './values.js';
import type { ClassifiedValue } from './values.js';

type ScalarValue = Exclude<ClassifiedValue, { kind: 'array' | 'dict' }>;

/** One entry of the object table: a scalar, or a container holding indexes of other entries. */
type FlatObject =
  | { readonly kind: 'scalar'; readonly item: ScalarValue }
  | { readonly kind: 'array'; readonly refs: number[] }
  | { readonly kind: 'dict'; readonly keyRefs: number[]; readonly valueRefs: number[] };

/**
 * Writes a value as a `bplist00` binary property list that `parseBinaryPlist` reads back to an
 * equal value. Every occurrence of a value becomes its own object (no sharing), which keeps the
 * writer simple; it exists for test fixtures such as binary Info.plist files.
 */
export function writeBinaryPlist(value: PlistValue): Uint8Array {
  const objects: FlatObject[] = [];
  flatten(value, objects, new NestingGuard());
  const refSize = bytesFor(objects.length - 1);
  const out = new ByteBuilder();
  for (let i = 0; i < BINARY_MAGIC.length; i++) out.byte(BINARY_MAGIC.charCodeAt(i));
  const offsets = objects.map((object) => {
    const offset = out.length;
    writeObject(out, object, refSize);
    return offset;
  });
  const offsetTableStart = out.length;
  const offsetSize = bytesFor(offsetTableStart);
  for (const offset of offsets) out.unsigned(offset, offsetSize);
  writeTrailer(out, { offsetSize, refSize, objectCount: objects.length, offsetTableStart });
  return out.toBytes();
}

/** Appends `value` and everything in it to `objects` (parents before children); returns its index. */
function flatten(value: PlistValue, objects: FlatObject[], guard: NestingGuard): number {
  const item = classify(value);
  const index = objects.length;
  if (item.kind === 'array') {
    const refs: number[] = [];
    objects.push({ kind: 'array', refs });
    guard.enter(item.value);
    for (const child of item.value) refs.push(flatten(child, objects, guard));
    guard.leave(item.value);
  } else if (item.kind === 'dict') {
    const keyRefs: number[] = [];
    const valueRefs: number[] = [];
    objects.push({ kind: 'dict', keyRefs, valueRefs });
    guard.enter(item.value);
    for (const [key, child] of Object.entries(item.value)) {
      keyRefs.push(flatten(key, objects, guard));
      valueRefs.push(flatten(child, objects, guard));
    }
    guard.leave(item.value);
  } else {
    objects.push({ kind: 'scalar', item });
  }
  return index;
}

function writeObject(out: ByteBuilder, object: FlatObject, refSize: number): void {
  if (object.kind === 'array') {
    writeMarker(out, 0xa, object.refs.length);
    for (const ref of object.refs) out.unsigned(ref, refSize);
  } else if (object.kind === 'dict') {
    writeMarker(out, 0xd, object.keyRefs.length);
    for (const ref of object.keyRefs) out.unsigned(ref, refSize);
    for (const ref of object.valueRefs) out.unsigned(ref, refSize);
  } else {
    writeScalar(out, object.item);
  }
}

function writeScalar(out: ByteBuilder, item: ScalarValue): void {
  switch (item.kind) {
    case 'string':
      writeString(out, item.value);
      return;
    case 'integer':
      writeInteger(out, item.value);
      return;
    case 'real':
      out.byte(0x23);
      out.float64(item.value);
      return;
    case 'boolean':
      out.byte(item.value ? 0x09 : 0x08);
      return;
    case 'date':
      out.byte(0x33);
      out.float64(appleSecondsFromDate(item.value));
      return;
    case 'data':
      writeMarker(out, 0x4, item.value.length);
      out.bytes(item.value);
      return;
  }
}

/** ASCII strings as bytes; anything else as UTF-16BE code units, the two forms Apple writes. */
function writeString(out: ByteBuilder, text: string): void {
  const ascii = isAscii(text);
  writeMarker(out, ascii ? 0x5 : 0x6, text.length);
  for (let i = 0; i < text.length; i++) out.unsigned(text.charCodeAt(i), ascii ? 1 : 2);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Non-negative numbers in 1, 2, 4 or 8 bytes; negative ones in 8; beyond 64 bits in 16. */
function writeInteger(out: ByteBuilder, value: number | bigint): void {
  if (typeof value === 'number' && value >= 0 && value <= 0xffffffff) {
    const size = value <= 0xff ? 1 : value <= 0xffff ? 2 : 4;
    out.byte(0x10 | Math.log2(size));
    out.unsigned(value, size);
    return;
  }
  const big = BigInt(value);
  if (!isEncodableInteger(big)) throw plistError('plist.unencodable', `integer ${big} does not fit in 128 bits`);
  if (big === BigInt.asIntN(64, big)) {
    out.byte(0x13);
    out.int64(big);
    return;
  }
  out.byte(0x14);
  out.int64(BigInt.asIntN(64, big >> 64n));
  out.uint64(BigInt.asUintN(64, big));
}

/** A type nibble with the count in the low nibble, or 0xF followed by the count as an integer. */
function writeMarker(out: ByteBuilder, type: number, count: number): void {
  if (count < 0x0f) {
    out.byte((type << 4) | count);
    return;
  }
  out.byte((type << 4) | 0x0f);
  writeInteger(out, count);
}

function writeTrailer(
  out: ByteBuilder,
  trailer: { offsetSize: number; refSize: number; objectCount: number; offsetTableStart: number },
): void {
  for (let i = 0; i < 6; i++) out.byte(0); // five unused bytes and the sort version
  out.byte(trailer.offsetSize);
  out.byte(trailer.refSize);
  out.unsigned(trailer.objectCount, 8);
  out.unsigned(0, 8); // the top object is always the first one written
  out.unsigned(trailer.offsetTableStart, 8);
}

/** Smallest byte count (1, 2, 4 or 8) that holds `value`. */
function bytesFor(value: number): number {
  if (value <= 0xff) return 1;
  if (value <= 0xffff) return 2;
  if (value <= 0xffffffff) return 4;
  return 8;
}
