import type { ByteSource } from '../../io/byte-source.js';

/** How much of an archive's end is read at once: the end records, the central directory and, for small IPAs, everything. */
export const TAIL_CACHE_BYTES = 256 * 1024;

/**
 * Serves reads that fall in the last `tailBytes` of `source` from one read of that tail. Every
 * archive is read from its end first (end records, then the central directory right before
 * them), and each separate read of a file costs a thread-pool round trip, so one larger read
 * replaces several small ones; an IPA smaller than the tail is read exactly once.
 */
export function withTailCache(source: ByteSource, tailBytes = TAIL_CACHE_BYTES): ByteSource {
  const tailStart = Math.max(0, source.size - tailBytes);
  let tail: Promise<Uint8Array> | null = null;
  return {
    size: source.size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      if (offset < tailStart || offset + length > source.size) return source.read(offset, length);
      tail ??= source.read(tailStart, source.size - tailStart);
      const start = offset - tailStart;
      return (await tail).subarray(start, start + length);
    },
  };
}
