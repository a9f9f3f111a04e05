/** How hard to try one push. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** The ceiling of the first backoff; each later one doubles, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 30_000 });

/**
 * "Full jitter" exponential backoff: a random delay below base·2^(n-1), capped. Spreading retries
 * at random keeps a fleet-wide 429 from coming back as one synchronized burst.
 *
 * @param failures how many attempts have failed so far (1 after the first)
 * @param random a value in [0, 1)
 */
export function retryDelayMs(failures: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random * ceiling);
}
