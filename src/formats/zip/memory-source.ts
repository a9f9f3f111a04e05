import type { ByteSource } from '../../io/byte-source.js';

/** A {@link ByteSource} over bytes already in memory (small uploads, tests). */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length) {
        return Promise.reject(
          new RangeError(`read of ${length} bytes at ${offset} passes the end of ${bytes.length} bytes`),
        );
      }
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
}
