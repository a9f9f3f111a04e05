const DAY_MS = 86_400_000;

/**
 * Whole days from `now` until `expiry`, rounded down, negative once expired. Something that
 * expires later today has 0 days left; at the exact expiry instant it has expired.
 */
export function daysLeft(expiry: Date, now: Date): number {
  return Math.floor((expiry.getTime() - now.getTime()) / DAY_MS);
}

export function isExpired(expiry: Date, now: Date): boolean {
  return expiry.getTime() <= now.getTime();
}

/** Whether `expiry` has passed or falls within `days` days of `now`. */
export function expiresWithin(expiry: Date, now: Date, days: number): boolean {
  return expiry.getTime() - now.getTime() <= days * DAY_MS;
}

/** The earliest of several expiry dates, or null when there are none. */
export function earliest(dates: Iterable<Date | null | undefined>): Date | null {
  let result: Date | null = null;
  for (const date of dates) {
    if (date && (result === null || date.getTime() < result.getTime())) result = date;
  }
  return result;
}
