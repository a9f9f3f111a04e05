import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

/**
 * {@link openFileSource} with blocking system calls, for a command that handles one file at a
 * time and has nothing else to do meanwhile (`provisio inspect`). Opening, reading a cached IPA
 * and closing it this way take microseconds; the asynchronous calls cost a thread-pool round
 * trip each (tens of microseconds of CPU, and on a busy machine a wait for a core): for a small
 * IPA, more than half of the whole inspection. A server keeps {@link openFileSource}.
 */
export function openBlockingFileSource(path: string): FileSource {
  let descriptor: number | null = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(descriptor).size;
  } catch (error) {
    closeSync(descriptor);
    throw error;
  }
  return {
    size,
    read: (offset, length) =>
      settled(() => {
        // A closed descriptor's number may already belong to another file: never read through it.
        if (descriptor === null) throw new Error(`${path} is closed`);
        return readExactlyBlocking(descriptor, size, offset, length);
      }),
    close: () =>
      settled(() => {
        if (descriptor !== null) closeSync(descriptor);
        descriptor = null;
      }),
  };
}

/** Runs `work` now and hands its result or error over as a promise, as the interface wants. */
function settled<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function readExactly(
  handle: FileHandle,
  size: number,
  offset: number,
  length: number,
): Promise<Uint8Array> {
  checkRange(size, offset, length);
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
    if (bytesRead === 0) throw endedEarly(offset, filled, length);
    filled += bytesRead;
  }
  return buffer;
}

function readExactlyBlocking(descriptor: number, size: number, offset: number, length: number): Uint8Array {
  checkRange(size, offset, length);
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const bytesRead = readSync(descriptor, buffer, filled, length - filled, offset + filled);
    if (bytesRead === 0) throw endedEarly(offset, filled, length);
    filled += bytesRead;
  }
  return buffer;
}

function checkRange(size: number, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new RangeError(`invalid read of ${length} bytes at ${offset}`);
  }
  if (offset + length > size) {
    throw new RangeError(`read of ${length} bytes at ${offset} passes the end of a ${size}-byte file`);
  }
}

function endedEarly(offset: number, filled: number, length: number): RangeError {
  return new RangeError(`file ended at ${offset + filled} while reading ${length} bytes at ${offset}`);
}
