import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

function manualClock(start = Date.UTC(2025, 0, 1)) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const LIMITS = { maxFailures: 3, windowMs: 60_000, maxAddresses: 2 };

describe('LoginLimiter', () => {
  it('blocks an address after too many failures within the window, and frees it afterwards', () => {
    const clock = manualClock();
    const limiter = new LoginLimiter(clock, LIMITS);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
      limiter.recordFailure('10.0.0.1');
      clock.advance(1_000);
    }
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(57);
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(0);
    clock.advance(57_000);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
  });

  it('forgets failures after a successful login', () => {
    const limiter = new LoginLimiter(manualClock(), LIMITS);
    limiter.recordFailure('a');
    limiter.recordFailure('a');
    limiter.recordSuccess('a');
    limiter.recordFailure('a');
    expect(limiter.retryAfterSeconds('a')).toBe(0);
  });

  it('remembers a bounded number of addresses, forgetting the oldest', () => {
    const limiter = new LoginLimiter(manualClock(), LIMITS);
    for (const address of ['a', 'b', 'c']) {
      for (let i = 0; i < 3; i++) limiter.recordFailure(address);
    }
    expect(limiter.retryAfterSeconds('a')).toBe(0);
    expect(limiter.retryAfterSeconds('b')).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('c')).toBeGreaterThan(0);
  });
});
