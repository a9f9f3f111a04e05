const DAY_MS = 86_400_000;

/**
 * The exclusive bound for "expires within `days` days of `now`" (expired ones included): the
 * store filters `expiry < bound`, and an expiry exactly `days` days away still counts.
 */
export function expiringBefore(now: Date, days: number | undefined): Date | undefined {
  return days === undefined ? undefined : new Date(now.getTime() + days * DAY_MS + 1);
}
