import { describe, expect, it } from 'vitest';
import { expiringBefore } from './expiry-filter.js';

describe('expiringBefore', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('includes an expiry exactly the given days away', () => {
    const bound = expiringBefore(now, 30);
    const boundary = new Date('2026-07-01T00:00:00Z');
    expect(bound !== undefined && boundary < bound).toBe(true);
    expect(bound !== undefined && new Date(boundary.getTime() + 1) < bound).toBe(false);
  });

  it('is no filter without days', () => {
    expect(expiringBefore(now, undefined)).toBeUndefined();
  });
});
