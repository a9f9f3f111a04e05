/** How urgent an expiry looks: the console's colour code for days left. */
export type ExpiryTone = 'expired' | 'critical' | 'warning' | 'ok' | 'none';

/** Red within this many days, as device users get their notice 30 days ahead. */
export const CRITICAL_DAYS = 30;
/** Amber within this many days, when the console's own notice starts. */
export const WARNING_DAYS = 60;

/** The tone for the days left the API computed (null: nothing expires). */
export function expiryTone(daysLeft: number | null): ExpiryTone {
  if (daysLeft === null) return 'none';
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= CRITICAL_DAYS) return 'critical';
  return daysLeft <= WARNING_DAYS ? 'warning' : 'ok';
}
