/** An append-only byte buffer that grows as needed; the binary writer's output. */
export class ByteBuilder {
  private buffer = new Uint8Array(256);
  private view = new DataView(this.buffer.buffer);
  length = 0;

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  bytes(values: Uint8Array): void {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  /** Big-endian unsigned integer of `size` bytes (1-8); `value` must be a safe integer. */
  unsigned(value: number, size: number): void {
    this.reserve(size);
    let rest = value;
    for (let i = size - 1; i >= 0; i--) {
      this.buffer[this.length + i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
    this.length += size;
  }

  int64(value: bigint): void {
    this.reserve(8);
    this.view.setBigInt64(this.length, value);
    this.length += 8;
  }

  uint64(value: bigint): void {
    this.reserve(8);
    this.view.setBigUint64(this.length, value);
    this.length += 8;
  }

  float64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value);
    this.length += 8;
  }

  /** The bytes written so far, as an exact-size copy. */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}
