import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';

/** A {@link ByteSource} over a stream; `close()` stops the stream early. */
export interface ForwardSource extends ByteSource {
  close(): Promise<void>;
}

/**
 * Serves reads from a stream that can only move forward (an executable being inflated out of an
 * IPA). Bytes before the start of the latest read are dropped as they stream past, so only the
 * ranges asked for are ever held. A read may not start before the previous read started
 * (`macho.invalid`: the binary points backwards), and a stream that ends before a requested range
 * is `macho.truncated`. The producer must not reuse a chunk's memory after yielding it.
 */
export function streamedSource(chunks: AsyncIterable<Uint8Array>, size: number): ForwardSource {
  return new StreamWindow(chunks[Symbol.asyncIterator](), size);
}

class StreamWindow implements ForwardSource {
  private held: Uint8Array[] = [];
  private heldStart = 0;
  private heldLength = 0;

  constructor(
    private readonly chunks: AsyncIterator<Uint8Array>,
    readonly size: number,
  ) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (offset < this.heldStart) {
      throw new FormatError('macho.invalid', `needs bytes at ${offset} after the stream has moved past them`);
    }
    if (offset + length > this.size) {
      throw new FormatError('macho.truncated', `needs ${length} bytes at ${offset} of a ${this.size}-byte binary`);
    }
    this.dropBefore(offset);
    while (this.heldStart + this.heldLength < offset + length) {
      const next = await this.chunks.next();
      if (next.done === true) {
        const end = this.heldStart + this.heldLength;
        throw new FormatError('macho.truncated', `binary ended at ${end}, before byte ${offset + length}`);
      }
      this.held.push(next.value);
      this.heldLength += next.value.length;
      this.dropBefore(offset);
    }
    return this.copyHead(length);
  }

  async close(): Promise<void> {
    this.held = [];
    await this.chunks.return?.();
  }

  private dropBefore(offset: number): void {
    while (this.held.length > 0) {
      const first = this.held[0]!;
      const skip = offset - this.heldStart;
      if (skip <= 0) return;
      if (skip >= first.length) {
        this.held.shift();
      } else {
        this.held[0] = first.subarray(skip);
      }
      const dropped = Math.min(skip, first.length);
      this.heldStart += dropped;
      this.heldLength -= dropped;
    }
  }

  /** The first `length` held bytes; after `dropBefore(offset)` they start at `offset`. */
  private copyHead(length: number): Uint8Array {
    const result = new Uint8Array(length);
    let filled = 0;
    for (const chunk of this.held) {
      if (filled === length) break;
      const part = chunk.subarray(0, length - filled);
      result.set(part, filled);
      filled += part.length;
    }
    return result;
  }
}
