/**
 * A Map that forgets its oldest entries beyond `capacity`: memoization that cannot grow
 * without bound when a long-running server sees an endless stream of distinct certificates.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  set(key: K, value: V): V {
    if (this.#entries.size >= this.capacity && !this.#entries.has(key)) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, value);
    return value;
  }

  /** The cached value, or `compute()`'s result stored for next time. */
  getOrCompute(key: K, compute: () => V): V {
    const cached = this.#entries.get(key);
    return cached !== undefined ? cached : this.set(key, compute());
  }

  get size(): number {
    return this.#entries.size;
  }
}
