import { describe, expect, it } from 'vitest';
import { currentThreshold, DEVICE_THRESHOLDS } from './expiry-thresholds.js';
import { installBlockReason } from './expiry-install-block.js';

const DAY = 86_400_000;
const now = new Date(Date.UTC(2026, 2, 1, 9, 0));
const inDays = (days: number, extraMs = 0) => new Date(now.getTime() + days * DAY + extraMs);

describe('currentThreshold', () => {
  it.each([
    [61, null],
    [60, 60],
    [59, 60],
    [31, 60],
    [30, 30],
    [29, 30],
    [15, 30],
    [14, 14],
    [8, 14],
    [7, 7],
    [2, 7],
    [1, 1],
  ] as const)('%i days left is stage %s', (days, stage) => {
    expect(currentThreshold(inDays(days, 3_600_000), now)).toBe(stage);
  });

  it('is the expiry stage at and after the expiry instant, stage 1 just before', () => {
    expect(currentThreshold(inDays(0, 1), now)).toBe(1);
    expect(currentThreshold(now, now)).toBe(0);
    expect(currentThreshold(inDays(-40), now)).toBe(0);
  });

  it('starts device notices at 30 days', () => {
    expect(currentThreshold(inDays(45), now, DEVICE_THRESHOLDS)).toBeNull();
    expect(currentThreshold(inDays(30, 1), now, DEVICE_THRESHOLDS)).toBe(30);
  });
});

describe('installBlockReason', () => {
  const version = { shortVersion: '2.1', build: '7', status: 'active' as const };

  it('allows a live version and one without expiry', () => {
    expect(installBlockReason({ ...version, effectiveExpiry: inDays(3) }, now)).toBeNull();
    expect(installBlockReason({ ...version, effectiveExpiry: undefined }, now)).toBeNull();
  });

  it('refuses an expired version with app.expired, naming the date', () => {
    const block = installBlockReason({ ...version, effectiveExpiry: inDays(-1) }, now);
    expect(block?.code).toBe('app.expired');
    expect(block?.message).toContain(inDays(-1).toISOString());
  });

  it('refuses a retired version', () => {
    expect(installBlockReason({ ...version, status: 'retired', effectiveExpiry: inDays(9) }, now)?.code).toBe('app.retired');
  });
});
