import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../io/byte-source.js';
import { withTailCache } from './tail-cache.js';

function countingSource(size: number): ByteSource & { reads: Array<[number, number]> } {
  const bytes = Uint8Array.from({ length: size }, (_, i) => i % 251);
  const reads: Array<[number, number]> = [];
  return {
    size,
    reads,
    read: (offset, length) => {
      reads.push([offset, length]);
      if (offset + length > size) return Promise.reject(new RangeError('past the end'));
      return Promise.resolve(bytes.slice(offset, offset + length));
    },
  };
}

describe('withTailCache', () => {
  it('reads the tail once and serves every read inside it', async () => {
    const source = countingSource(1000);
    const cached = withTailCache(source, 400);
    expect(await cached.read(990, 10)).toEqual(Uint8Array.from({ length: 10 }, (_, i) => (990 + i) % 251));
    expect(await cached.read(600, 5)).toEqual(Uint8Array.from({ length: 5 }, (_, i) => (600 + i) % 251));
    expect(source.reads).toEqual([[600, 400]]);
  });

  it('passes reads before the tail, and past the end, to the source', async () => {
    const source = countingSource(1000);
    const cached = withTailCache(source, 400);
    await cached.read(0, 10);
    await cached.read(599, 2);
    await expect(cached.read(995, 10)).rejects.toThrow(RangeError);
    expect(source.reads).toEqual([[0, 10], [599, 2], [995, 10]]);
  });

  it('covers a source smaller than the tail completely', async () => {
    const source = countingSource(100);
    const cached = withTailCache(source, 400);
    await cached.read(0, 30);
    await cached.read(50, 50);
    expect(source.reads).toEqual([[0, 100]]);
  });
});
