import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-policy.js';

describe('retryDelayMs', () => {
  it('doubles the ceiling per failure, jitters below it, and caps it', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((failures) => retryDelayMs(failures, policy, 0.999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(retryDelayMs(3, policy, 0)).toBe(0);
    expect(retryDelayMs(3, policy, 0.5)).toBe(200);
  });
});
