import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';

/** Integer fields in one byte order. */
export class Fields {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    private readonly littleEndian: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u32(offset: number): number {
    return this.view.getUint32(offset, this.littleEndian);
  }

  u64(offset: number): number {
    const value = this.view.getBigUint64(offset, this.littleEndian);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new FormatError('macho.invalid', `64-bit offset ${value} is larger than 2^53`);
    }
    return Number(value);
  }
}

/** Reads a range the binary's own headers point at; past the end of the binary is `macho.truncated`. */
export async function readRange(source: ByteSource, offset: number, length: number, what: string): Promise<Uint8Array> {
  if (offset + length > source.size) {
    throw new FormatError(
      'macho.truncated',
      `${what} (${length} bytes at ${offset}) runs past the end of the ${source.size}-byte binary`,
    );
  }
  return source.read(offset, length);
}
