import { checkGraphShape } from './binary-shape.js';
import { ObjectTable } from './binary-table.js';
import type { ContainerExtent } from './binary-table.js';
import { readTrailer, readUnsigned } from './binary-trailer.js';
import { decodeLatin1, decodeUtf16BE } from './binary-text.js';
import { dateFromAppleSeconds } from './dates.js';
import { excerpt, plistError } from './errors.js';
import { checkInputSize, DecodeBudget, resolveLimits } from './limits.js';
import type { PlistLimits } from './limits.js';
import type { PlistDict, PlistValue } from './types.js';
import { createDict, normalizeInteger } from './values.js';

/**
 * Parses a `bplist00` binary property list. Every offset, reference and length is
 * bounds-checked; the object graph is measured first (cycles, depth, and the number of values
 * once shared objects are expanded), so hostile files fail before any value is built.
 */
export function parseBinaryPlist(bytes: Uint8Array, limits?: Partial<PlistLimits>): PlistValue {
  const resolved = resolveLimits(limits);
  checkInputSize(bytes.length, resolved);
  const table = new ObjectTable(bytes, readTrailer(bytes));
  checkGraphShape(table, resolved);
  return new BinaryDecoder(table, new DecodeBudget(resolved)).decode(table.trailer.topObject);
}

interface ArrayFrame {
  readonly kind: 'array';
  readonly valuesAt: number;
  readonly count: number;
  next: number;
  readonly items: PlistValue[];
}

interface DictFrame {
  readonly kind: 'dict';
  readonly valuesAt: number;
  readonly count: number;
  next: number;
  /** Decoded when the frame was opened, in the order of the value references. */
  readonly keys: string[];
  readonly dict: PlistDict;
}

type Frame = ArrayFrame | DictFrame;

/** Returned by `open` when the object is a container whose values are still to be read. */
const OPENED = Symbol('opened');

/**
 * Builds values from a graph `checkGraphShape` accepted: acyclic, within `maxDepth` and
 * `maxNodes`. Nesting uses an explicit stack, so depth never reaches the JavaScript call stack;
 * a shared object is decoded again for every reference, giving each its own copy.
 */
class BinaryDecoder {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly stack: Frame[] = [];

  constructor(
    private readonly table: ObjectTable,
    private readonly budget: DecodeBudget,
  ) {
    this.bytes = table.bytes;
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  decode(top: number): PlistValue {
    const root = this.open(top);
    if (root !== OPENED) return root;
    for (;;) {
      const frame = this.stack[this.stack.length - 1] as Frame; // non-empty: the loop returns when it empties
      if (frame.next < frame.count) {
        const child = this.open(this.table.refAt(frame.valuesAt, frame.next));
        if (child !== OPENED) attach(frame, child);
        continue;
      }
      this.stack.pop();
      const value = frame.kind === 'array' ? frame.items : frame.dict;
      const parent = this.stack[this.stack.length - 1];
      if (parent === undefined) return value;
      attach(parent, value);
    }
  }

  /** Decodes a scalar, or pushes a frame for a container and returns OPENED. */
  private open(object: number): PlistValue | typeof OPENED {
    const at = this.table.offsetOf(object);
    const marker = this.bytes[at] as number;
    const info = marker & 0x0f;
    switch (marker >> 4) {
      case 0x0:
        return this.readSimple(marker, at);
      case 0x1:
        return this.readInteger(at, info);
      case 0x2:
        return this.readReal(at, info);
      case 0x3:
        return this.readDate(at, marker);
      case 0x4:
        return this.readData(at);
      case 0x5:
      case 0x6:
        return this.readString(at, marker);
      case 0x8:
        return this.readUid(at, info);
      case 0xa:
      case 0xc: // a set; plists have no set type, so it reads as an array
      case 0xd:
        return this.openContainer(object);
      default:
        throw invalidObject(marker, at);
    }
  }

  private readSimple(marker: number, at: number): boolean {
    if (marker === 0x08) return false;
    if (marker === 0x09) return true;
    // 0x00 is null and 0x0F a fill byte: neither is a value a plist can hold.
    throw invalidObject(marker, at);
  }

  /** 1-, 2- and 4-byte integers are unsigned; 8- and 16-byte ones are two's complement. */
  private readInteger(at: number, info: number): number | bigint {
    if (info > 4) throw invalidObject(0x10 | info, at);
    const size = 1 << info;
    this.table.requireSpan(at + 1, size);
    if (size <= 4) return readUnsigned(this.bytes, at + 1, size);
    if (size === 8) return normalizeInteger(this.view.getBigInt64(at + 1));
    const high = this.view.getBigInt64(at + 1);
    const low = this.view.getBigUint64(at + 9);
    return normalizeInteger((high << 64n) | low);
  }

  private readReal(at: number, info: number): number {
    if (info !== 2 && info !== 3) throw invalidObject(0x20 | info, at);
    this.table.requireSpan(at + 1, 1 << info);
    return info === 2 ? this.view.getFloat32(at + 1) : this.view.getFloat64(at + 1);
  }

  private readDate(at: number, marker: number): Date {
    if (marker !== 0x33) throw invalidObject(marker, at);
    this.table.requireSpan(at + 1, 8);
    const date = dateFromAppleSeconds(this.view.getFloat64(at + 1));
    if (date === undefined) throw plistError('plist.invalid_date', `date at offset ${at} is out of range`);
    return date;
  }

  private readData(at: number): Uint8Array {
    const { start, count } = this.table.extentAt(at);
    this.table.requireSpan(start, count);
    this.budget.takeBytes(count);
    // A copy even when the input is a Node Buffer, whose own slice() would return a shared view.
    return Uint8Array.prototype.slice.call(this.bytes, start, start + count);
  }

  private readString(at: number, marker: number): string {
    const utf16 = marker >> 4 === 0x6;
    const { start, count } = this.table.extentAt(at);
    const size = utf16 ? count * 2 : count;
    this.table.requireSpan(start, size);
    this.budget.takeBytes(size);
    return utf16 ? decodeUtf16BE(this.bytes, start, count) : decodeLatin1(this.bytes, start, count);
  }

  /** A keyed-archiver UID reads as `{ 'CF$UID': n }`, the form Apple's XML uses for it. */
  private readUid(at: number, info: number): PlistDict {
    const size = info + 1;
    if (size > 8) throw invalidObject(0x80 | info, at);
    this.table.requireSpan(at + 1, size);
    const value = readUnsigned(this.bytes, at + 1, size);
    if (!Number.isSafeInteger(value)) throw plistError('plist.invalid_object', `UID at offset ${at} is too large`);
    const uid = createDict();
    uid['CF$UID'] = value;
    return uid;
  }

  private openContainer(object: number): typeof OPENED {
    // checkGraphShape already read this extent, so it is known to be a container in bounds.
    const { kind, start, count, valuesAt } = this.table.containerOf(object) as ContainerExtent;
    if (kind === 'array') {
      this.stack.push({ kind, valuesAt, count, next: 0, items: [] });
    } else {
      this.stack.push({ kind, valuesAt, count, next: 0, keys: this.readKeys(start, count), dict: createDict() });
    }
    return OPENED;
  }

  private readKeys(refsAt: number, count: number): string[] {
    const keys = new Array<string>(count);
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const key = this.readKey(this.table.refAt(refsAt, i));
      if (seen.has(key)) throw plistError('plist.duplicate_key', `duplicate key "${excerpt(key)}"`);
      seen.add(key);
      keys[i] = key;
    }
    return keys;
  }

  private readKey(object: number): string {
    const at = this.table.offsetOf(object);
    const marker = this.bytes[at] as number;
    if (marker >> 4 !== 0x5 && marker >> 4 !== 0x6) {
      throw plistError('plist.invalid_key', `dictionary key (object ${object}) is not a string`);
    }
    return this.readString(at, marker);
  }
}

function attach(frame: Frame, value: PlistValue): void {
  if (frame.kind === 'array') frame.items.push(value);
  else frame.dict[frame.keys[frame.next] as string] = value;
  frame.next++;
}

function invalidObject(marker: number, at: number): Error {
  const hex = marker.toString(16).padStart(2, '0');
  return plistError('plist.invalid_object', `unsupported object marker 0x${hex} at offset ${at}`);
}
