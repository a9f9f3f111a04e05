import type { BinaryTrailer } from './binary-trailer.js';
import { readUnsigned } from './binary-trailer.js';
import { plistError } from './errors.js';

/** Where an object's content starts and how many members (or bytes, or code units) it declares. */
export interface ObjectExtent {
  readonly start: number;
  readonly count: number;
}

/** An array, set or dictionary: its references, already checked to lie inside the object area. */
export interface ContainerExtent extends ObjectExtent {
  readonly kind: 'array' | 'dict';
  /** Where the value references start (for a dictionary, after its `count` key references). */
  readonly valuesAt: number;
}

/**
 * Bounds-checked access to the objects of a binary plist: every offset, reference and declared
 * length is checked against the object area (between the header and the offset table) before
 * anything is read or allocated.
 */
export class ObjectTable {
  constructor(
    readonly bytes: Uint8Array,
    readonly trailer: BinaryTrailer,
  ) {}

  /** The offset of an object's marker byte. */
  offsetOf(object: number): number {
    const { objectCount, offsetSize, offsetTableStart } = this.trailer;
    if (object >= objectCount) throw plistError('plist.bad_offset', `reference to object ${object} of ${objectCount}`);
    const offset = readUnsigned(this.bytes, offsetTableStart + object * offsetSize, offsetSize);
    if (offset < 8 || offset >= offsetTableStart) {
      throw plistError('plist.bad_offset', `object ${object} at offset ${offset} lies outside the object area`);
    }
    return offset;
  }

  markerOf(object: number): number {
    return this.bytes[this.offsetOf(object)] as number;
  }

  /** The object referenced by the `index`-th reference starting at `refsAt`. */
  refAt(refsAt: number, index: number): number {
    const { refSize } = this.trailer;
    return readUnsigned(this.bytes, refsAt + index * refSize, refSize);
  }

  /** The members of an array, set or dictionary; undefined for any other object. */
  containerOf(object: number): ContainerExtent | undefined {
    const at = this.offsetOf(object);
    const marker = this.bytes[at] as number;
    const type = marker >> 4;
    if (type !== 0xa && type !== 0xc && type !== 0xd) return undefined;
    const { start, count } = this.extentAt(at);
    const kind = type === 0xd ? 'dict' : 'array';
    const refBytes = count * this.trailer.refSize;
    this.requireSpan(start, kind === 'dict' ? 2 * refBytes : refBytes);
    return { kind, start, count, valuesAt: kind === 'dict' ? start + refBytes : start };
  }

  /** Reads a length: in the marker's low nibble, or (nibble 0xF) in an integer object after it. */
  extentAt(at: number): ObjectExtent {
    const info = (this.bytes[at] as number) & 0x0f;
    if (info !== 0x0f) return { start: at + 1, count: info };
    this.requireSpan(at + 1, 1);
    const intMarker = this.bytes[at + 1] as number;
    const size = 1 << (intMarker & 0x0f);
    if (intMarker >> 4 !== 0x1 || size > 8) {
      throw plistError('plist.invalid_object', `object at offset ${at} has a malformed length`);
    }
    this.requireSpan(at + 2, size);
    return { start: at + 2 + size, count: readUnsigned(this.bytes, at + 2, size) };
  }

  /** Objects must end before the offset table. */
  requireSpan(start: number, length: number): void {
    if (start + length > this.trailer.offsetTableStart) {
      throw plistError('plist.truncated', `object content at ${start} (${length} bytes) runs past the object area`);
    }
  }
}
