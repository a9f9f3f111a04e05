import { describe, expect, it } from 'vitest';
import { dayOf, daysLeftLabel, expiringSummary, expiryText } from './expiry-labels.js';

describe('expiry labels', () => {
  it('shows the day, days left, or that nothing expires', () => {
    expect(dayOf('2027-01-31T10:00:00.000Z')).toBe('2027-01-31');
    expect(dayOf(null)).toBe('-');
    expect(daysLeftLabel(12)).toBe('12');
    expect(daysLeftLabel(0)).toBe('0');
    expect(daysLeftLabel(-1)).toBe('expired');
    expect(daysLeftLabel(null)).toBe('-');
  });

  it('writes expiry as a phrase', () => {
    expect(expiryText('2027-01-31T10:00:00.000Z', 12)).toBe('2027-01-31 (12 days left)');
    expect(expiryText('2027-01-31T10:00:00.000Z', 1)).toBe('2027-01-31 (1 day left)');
    expect(expiryText('2026-01-31T10:00:00.000Z', -3)).toBe('2026-01-31 (expired)');
    expect(expiryText(null, null)).toBe('none');
    expect(expiringSummary(1, 'app', 30)).toBe('1 app expires within 30 days');
    expect(expiringSummary(3, 'profile', 7)).toBe('3 profiles expire within 7 days');
  });
});
