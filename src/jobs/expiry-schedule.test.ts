import { describe, expect, it } from 'vitest';
import { nextDailyRun } from './expiry-schedule.js';

describe('nextDailyRun', () => {
  it('finds today or tomorrow at the wall-clock time of the zone', () => {
    expect(nextDailyRun(new Date('2026-03-01T05:00:00Z'), '06:30', 'UTC').toISOString()).toBe('2026-03-01T06:30:00.000Z');
    expect(nextDailyRun(new Date('2026-03-01T07:00:00Z'), '06:30', 'UTC').toISOString()).toBe('2026-03-02T06:30:00.000Z');
    expect(nextDailyRun(new Date('2026-03-01T00:00:00Z'), '06:30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-01T05:30:00.000Z');
  });

  it('follows daylight saving time', () => {
    expect(nextDailyRun(new Date('2026-07-01T00:00:00Z'), '06:30', 'Europe/Amsterdam').toISOString()).toBe('2026-07-01T04:30:00.000Z');
  });
});
