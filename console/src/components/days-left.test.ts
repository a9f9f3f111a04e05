import { describe, expect, it } from 'vitest';
import { daysLeftUntil } from './days-left';

describe('daysLeftUntil', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('counts whole days, rounded down, like the API', () => {
    expect(daysLeftUntil('2026-04-15T12:00:00Z', now)).toBe(45);
    expect(daysLeftUntil('2026-04-16T11:59:59Z', now)).toBe(45);
    expect(daysLeftUntil('2026-03-01T18:00:00Z', now)).toBe(0);
  });

  it('is negative once the moment has passed', () => {
    expect(daysLeftUntil('2026-03-01T11:00:00Z', now)).toBe(-1);
  });
});
