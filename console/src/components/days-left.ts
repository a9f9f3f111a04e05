const DAY_MS = 86_400_000;

/**
 * Whole days from `now` until `iso`, rounded down, negative once passed: the API's own rule
 * (`daysLeft` of apps and profiles), for the few answers that carry only a date (notices, the
 * profiles a device reported, an installed version's expiry).
 */
export function daysLeftUntil(iso: string, now: Date = new Date()): number {
  return Math.floor((new Date(iso).getTime() - now.getTime()) / DAY_MS);
}
