/**
 * Collects durations and reports percentiles (nearest rank). Values are kept in a growing typed
 * array: a million samples cost 8 MB, and sorting them once at report time is cheap.
 */
export class LatencyRecorder {
  #values = new Float64Array(1024);
  #count = 0;

  record(milliseconds: number): void {
    if (this.#count === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#count++] = milliseconds;
  }

  get count(): number {
    return this.#count;
  }

  /** The `p`-th percentile (0 < p ≤ 100), or 0 without samples. */
  percentile(p: number): number {
    return this.percentiles([p])[0] ?? 0;
  }

  /** Several percentiles from one sort. */
  percentiles(ps: readonly number[]): number[] {
    if (this.#count === 0) return ps.map(() => 0);
    const sorted = this.#values.slice(0, this.#count).sort();
    return ps.map((p) => sorted[Math.min(this.#count, Math.max(1, Math.ceil((p / 100) * this.#count))) - 1]!);
  }
}
