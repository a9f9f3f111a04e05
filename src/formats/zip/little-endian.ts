import { FormatError } from '../errors.js';

/** Little-endian field access over a byte array, as every zip structure is laid out. */
export class LittleEndian {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  u16(offset: number): number {
    return this.view.getUint16(offset, true);
  }

  u32(offset: number): number {
    return this.view.getUint32(offset, true);
  }

  /** A 64-bit field as a number; sizes beyond 2^53 cannot be real on any disk we will see. */
  u64(offset: number): number {
    const value = this.view.getBigUint64(offset, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new FormatError('zip.unsupported', `64-bit field ${value} is larger than 2^53`);
    }
    return Number(value);
  }
}
