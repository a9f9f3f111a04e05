import { open } from 'node:fs/promises';
import type { ByteSource } from './byte-source.js';

/** A {@link ByteSource} backed by an open file; call `close()` when done with it. */
export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

/**
 * Opens `path` for positional reads. Nothing is read up front: each `read` is one `pread`,
 * so a multi-gigabyte upload costs only the bytes a parser asks for.
 */
export async function openFileSource(path: string): Promise<FileSource> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      read: (offset, length) => readExactly(handle, size, offset, length),
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function readExactly(
  handle: FileHandle,
  size: number,
  offset: number,
  length: number,
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new RangeError(`invalid read of ${length} bytes at ${offset}`);
  }
  if (offset + length > size) {
    throw new RangeError(`read of ${length} bytes at ${offset} passes the end of a ${size}-byte file`);
  }
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
    if (bytesRead === 0) {
      throw new RangeError(`file ended at ${offset + filled} while reading ${length} bytes at ${offset}`);
    }
    filled += bytesRead;
  }
  return buffer;
}
