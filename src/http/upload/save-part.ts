import { open, rm } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../errors.js';

/** Passes bytes through, failing with a 413 once more than `maxBytes` went by. */
class SizeLimit extends Transform {
  size = 0;

  constructor(
    private readonly field: string,
    private readonly maxBytes: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(tooLarge(this.field, this.maxBytes));
      return;
    }
    done(null, chunk);
  }
}

export function tooLarge(field: string, maxBytes: number): ApiError {
  return new ApiError('payload_too_large', `the ${field} file is larger than the limit of ${maxBytes} bytes`, {
    details: { field, limitBytes: maxBytes },
  });
}

/**
 * Streams one uploaded file to `destination`, never holding more than a chunk in memory.
 * Over `maxBytes` it stops with a 413 and removes what it wrote. Returns the size.
 */
export async function saveFilePart(source: NodeJS.ReadableStream, destination: string, field: string, maxBytes: number): Promise<number> {
  const limit = new SizeLimit(field, maxBytes);
  // Opened first, and exclusively: a file already there is neither overwritten nor removed below.
  const file = await open(destination, 'wx');
  try {
    await pipeline(source, limit, file.createWriteStream());
    return limit.size;
  } catch (error) {
    await rm(destination, { force: true });
    throw error;
  }
}
