import { describe, expect, it } from 'vitest';
import { describeExpiry } from './relative-time.js';

const now = new Date('2026-11-26T00:00:00Z');
const plusDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe('describeExpiry', () => {
  it.each([
    [12, 'expires in 12 days'],
    [45, 'expires in 45 days'],
    [1, 'expires in 1 day'],
    [0.5, 'expires in 12 hours'],
    [200, 'expires in 6 months'],
    [-3 * 365 - 10, 'expired 3 years ago'],
    [-2, 'expired 2 days ago'],
    [0, 'expired less than an hour ago'],
    [0.01, 'expires in less than an hour'],
  ])('%d days -> %s', (days, expected) => {
    expect(describeExpiry(plusDays(days), now)).toBe(expected);
  });
});
