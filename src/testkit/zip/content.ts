import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ZipEntryInput } from './writer.js';

const CHUNK_SIZE = 1024 * 1024;

/** `size` zero bytes in 1 MiB chunks: deflates about 1000:1, the raw material of a bomb. */
export async function* zeroChunks(size: number): AsyncGenerator<Uint8Array> {
  const zeros = new Uint8Array(Math.min(CHUNK_SIZE, size));
  for (let left = size; left > 0; left -= zeros.length) {
    await nextTurn();
    yield left >= zeros.length ? zeros : zeros.subarray(0, left);
  }
}

/**
 * `size` incompressible bytes in 1 MiB chunks. One random block is reused with a changing
 * counter in its first bytes: far cheaper than fresh randomness, and still beyond deflate's
 * 32 KiB window, so nothing compresses.
 */
export async function* fillerChunks(size: number): AsyncGenerator<Uint8Array> {
  const block = new Uint8Array(randomBytes(Math.min(CHUNK_SIZE, size)));
  const counter = new DataView(block.buffer);
  let index = 0;
  for (let left = size; left > 0; left -= block.length) {
    // Lets timers and I/O run between chunks while gigabytes of fixture stream out.
    await nextTurn();
    if (block.length >= 4) counter.setUint32(0, index++);
    // A copy, because consumers such as a deflate stream may still hold the previous chunk.
    yield block.slice(0, Math.min(left, block.length));
  }
}

/**
 * The `__MACOSX/` twin that macOS's Archive Utility adds next to a file: an AppleDouble header
 * under `__MACOSX/<folder>/._<name>`.
 */
export function appleDoubleEntry(name: string): ZipEntryInput {
  const slash = name.lastIndexOf('/');
  const folder = name.slice(0, slash + 1);
  const base = name.slice(slash + 1);
  const header = Uint8Array.of(0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, ...new Array<number>(18).fill(0));
  return { name: `__MACOSX/${folder}._${base}`, content: header };
}
