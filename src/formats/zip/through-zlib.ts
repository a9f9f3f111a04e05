import { Readable, type Transform } from 'node:stream';

/**
 * Feeds chunks through a zlib transform and yields its output as it comes. Errors from either
 * side surface from the iteration; a consumer that stops early tears both down.
 */
export async function* throughZlib(input: AsyncIterable<Uint8Array>, transform: Transform): AsyncGenerator<Uint8Array> {
  const readable = Readable.from(input, { objectMode: false });
  readable.on('error', (error) => transform.destroy(error));
  readable.pipe(transform);
  try {
    for await (const chunk of transform as AsyncIterable<Buffer>) {
      yield chunk;
    }
  } finally {
    readable.destroy();
    transform.destroy();
  }
}
