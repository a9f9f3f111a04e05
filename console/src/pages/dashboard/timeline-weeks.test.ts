import { describe, expect, it } from 'vitest';
import { axisMaximum, timelineWeeks, utcDay } from './timeline-weeks';

const app = (appId: number, devices: number) => ({ appId, name: `App ${appId}`, ogId: 1, devices });

describe('timelineWeeks', () => {
  it('makes every week from today, empty ones included', () => {
    const weeks = timelineWeeks([], '2026-01-01');
    expect(weeks).toHaveLength(53);
    expect(weeks[0]).toEqual({ start: '2026-01-01', apps: [], devices: 0 });
    expect(weeks[1]?.start).toBe('2026-01-08');
    expect(weeks[52]?.start).toBe('2026-12-31');
  });

  it('adds up each app once per week and the devices over its days', () => {
    const days = [
      { day: '2026-01-01', apps: [app(1, 3)], devices: 3 },
      { day: '2026-01-07', apps: [app(1, 2), app(2, 5)], devices: 7 },
      { day: '2026-01-08', apps: [app(3, 1)], devices: 1 },
    ];
    const [first, second] = timelineWeeks(days, '2026-01-01');
    expect(first).toEqual({ start: '2026-01-01', apps: [app(1, 5), app(2, 5)], devices: 10 });
    expect(second).toEqual({ start: '2026-01-08', apps: [app(3, 1)], devices: 1 });
  });

  it('leaves out days before today or beyond the last week', () => {
    const days = [
      { day: '2025-12-31', apps: [app(1, 1)], devices: 1 },
      { day: '2027-01-07', apps: [app(2, 1)], devices: 1 },
    ];
    expect(timelineWeeks(days, '2026-01-01').every((week) => week.devices === 0)).toBe(true);
  });

  it('counts days in UTC', () => {
    expect(utcDay(new Date('2026-03-01T23:30:00-02:00'))).toBe('2026-03-02');
  });
});

describe('axisMaximum', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 180, 2_001].map(axisMaximum)).toEqual([1, 1, 5, 10, 10, 20, 200, 5_000]);
  });
});
