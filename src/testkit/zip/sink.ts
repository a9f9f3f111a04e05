import { open } from 'node:fs/promises';

/** Where a fixture builder writes bytes, in order. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Collects everything in one growing buffer; `bytes()` returns what was written so far. */
export class MemorySink implements ByteSink {
  private buffer = new Uint8Array(64 * 1024);
  private length = 0;

  write(chunk: Uint8Array): Promise<void> {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + chunk.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

const FLUSH_THRESHOLD = 1024 * 1024;

/**
 * Writes to a file, gathering small writes into 1 MiB blocks so that archives with a hundred
 * thousand tiny entries do not cost a system call per header.
 */
export async function fileSink(path: string): Promise<ByteSink> {
  const handle = await open(path, 'w');
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pendingBytes === 0) return;
    const block = concatBytes(pending);
    pending = [];
    pendingBytes = 0;
    await handle.write(block);
  };
  return {
    async write(chunk) {
      if (chunk.length >= FLUSH_THRESHOLD) {
        await flush();
        await handle.write(chunk);
        return;
      }
      pending.push(chunk.slice());
      pendingBytes += chunk.length;
      if (pendingBytes >= FLUSH_THRESHOLD) await flush();
    },
    async close() {
      await flush();
      await handle.close();
    },
  };
}

/** Joins byte arrays into one. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}
