import { describe, expect, it } from 'vitest';
import { daysLeft, earliest, expiresWithin, isExpired } from './expiry.js';

const now = new Date('2026-11-26T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('daysLeft', () => {
  it('counts whole days ahead, rounding down', () => {
    expect(daysLeft(at('2026-12-26T12:00:00Z'), now)).toBe(30);
    expect(daysLeft(at('2026-12-26T11:59:59Z'), now)).toBe(29);
    expect(daysLeft(at('2026-11-26T18:00:00Z'), now)).toBe(0);
  });

  it('is negative after expiry', () => {
    expect(daysLeft(at('2026-11-25T12:00:00Z'), now)).toBe(-1);
    expect(daysLeft(at('2026-11-26T11:00:00Z'), now)).toBe(-1);
  });
});

describe('isExpired / expiresWithin', () => {
  it('treats the expiry instant as expired', () => {
    expect(isExpired(now, now)).toBe(true);
    expect(isExpired(at('2026-11-26T12:00:01Z'), now)).toBe(false);
  });

  it('includes the boundary day and anything already expired', () => {
    expect(expiresWithin(at('2026-12-26T12:00:00Z'), now, 30)).toBe(true);
    expect(expiresWithin(at('2026-12-26T12:00:01Z'), now, 30)).toBe(false);
    expect(expiresWithin(at('2020-01-01T00:00:00Z'), now, 0)).toBe(true);
  });
});

describe('earliest', () => {
  it('picks the first date and ignores gaps', () => {
    expect(earliest([at('2027-01-01'), null, at('2026-12-01'), undefined])).toEqual(at('2026-12-01'));
    expect(earliest([])).toBeNull();
  });
});
