/** Builds binary records field by field, little-endian (zip) unless told otherwise (Mach-O). */
export class RecordBuilder {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(
    length: number,
    private readonly littleEndian = true,
  ) {
    // Pooled small allocations: archives with 100,000 entries build many tiny records.
    this.bytes = Buffer.allocUnsafe(length);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, length);
  }

  u8(value: number): this {
    this.view.setUint8(this.at, value);
    this.at += 1;
    return this;
  }

  u16(value: number): this {
    this.view.setUint16(this.at, value, this.littleEndian);
    this.at += 2;
    return this;
  }

  u32(value: number): this {
    this.view.setUint32(this.at, value >>> 0, this.littleEndian);
    this.at += 4;
    return this;
  }

  u64(value: number): this {
    this.view.setBigUint64(this.at, BigInt(value), this.littleEndian);
    this.at += 8;
    return this;
  }

  raw(value: Uint8Array): this {
    this.bytes.set(value, this.at);
    this.at += value.length;
    return this;
  }

  /** `text` as ASCII in a zero-padded field of `width` bytes (Mach-O segment names). */
  fixedAscii(text: string, width: number): this {
    const field = new Uint8Array(width);
    field.set(new TextEncoder().encode(text).subarray(0, width));
    return this.raw(field);
  }

  /** The record; throws when the declared length was not filled exactly. */
  build(): Uint8Array {
    if (this.at !== this.bytes.length) {
      throw new Error(`record filled ${this.at} of ${this.bytes.length} bytes`);
    }
    return this.bytes;
  }
}

/** The ZIP64 extra field carrying the given 64-bit values in order. */
export function zip64Extra(values: readonly number[]): Uint8Array {
  const record = new RecordBuilder(4 + 8 * values.length).u16(0x0001).u16(8 * values.length);
  for (const value of values) record.u64(value);
  return record.build();
}
