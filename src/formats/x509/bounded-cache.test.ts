import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('forgets the oldest entry beyond its capacity', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('computes a missing value once and caches null results too', () => {
    const cache = new BoundedCache<string, number | null>(4);
    let calls = 0;
    const compute = (): null => {
      calls++;
      return null;
    };
    expect(cache.getOrCompute('k', compute)).toBeNull();
    expect(cache.getOrCompute('k', compute)).toBeNull();
    expect(calls).toBe(1);
  });
});
