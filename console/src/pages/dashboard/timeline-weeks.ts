import type { AffectedApp, TimelineDay } from '../../api/lifecycle-types';

const DAY_MS = 86_400_000;

/** Weeks the dashboard chart shows: 53 cover the API's 365 days from today. */
export const TIMELINE_WEEKS = 53;

/** The apps that stop in one week and on how many devices. */
export interface TimelineWeek {
  /** The week's first day, `YYYY-MM-DD` (UTC). */
  readonly start: string;
  /** Each app once, its devices added up over the week's days. */
  readonly apps: readonly AffectedApp[];
  readonly devices: number;
}

/** `YYYY-MM-DD` of a moment, in UTC as the API counts days. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

function addDays(isoDay: string, days: number): string {
  return utcDay(new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY_MS));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The API's days grouped into weeks starting `today`: week 0 is today and the six days after it.
 * Every week is present (empty ones too), so the chart's axis is the same whatever the data.
 */
export function timelineWeeks(days: readonly TimelineDay[], today: string, weeks = TIMELINE_WEEKS): TimelineWeek[] {
  const buckets = Array.from({ length: weeks }, () => ({ apps: new Map<number, AffectedApp>(), devices: 0 }));
  for (const day of days) {
    const bucket = buckets[Math.floor(daysBetween(today, day.day) / 7)];
    if (bucket === undefined) continue;
    bucket.devices += day.devices;
    for (const app of day.apps) {
      const known = bucket.apps.get(app.appId);
      bucket.apps.set(app.appId, known === undefined ? app : { ...known, devices: known.devices + app.devices });
    }
  }
  return buckets.map((bucket, index) => ({ start: addDays(today, index * 7), apps: [...bucket.apps.values()], devices: bucket.devices }));
}

/** A round number at least `value` (1, 2 or 5 times a power of ten) for the top of an axis. */
export function axisMaximum(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}
