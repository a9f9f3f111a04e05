import { daysLeft, isExpired } from './expiry.js';

/**
 * Days before expiry at which admins are told, latest stage last; 0 stands for "has expired".
 * A published value is stored in notice rows and never renumbered.
 */
export const ADMIN_THRESHOLDS = [60, 30, 14, 7, 1, 0] as const;

/** Device users hear from 30 days before expiry (the seed text's rule), at the same later stages. */
export const DEVICE_THRESHOLDS = [30, 14, 7, 1, 0] as const;

/** One stage of the notice ladder. */
export type Threshold = (typeof ADMIN_THRESHOLDS)[number];

/**
 * The stage `expiry` has reached at `now` on a ladder: the smallest threshold whose window it is
 * in (within 60 days → 60, within 30 → 30, …, expired → 0), or null while it is further away.
 * A scan that runs late (first seen at 29 days) yields only the stage it is in, never the ones it
 * skipped: one notice saying "30 days" is news, a second saying "60 days" the same day is noise.
 */
export function currentThreshold(expiry: Date, now: Date, ladder: readonly Threshold[] = ADMIN_THRESHOLDS): Threshold | null {
  if (isExpired(expiry, now)) return ladder.includes(0) ? 0 : null;
  const left = daysLeft(expiry, now);
  let stage: Threshold | null = null;
  for (const threshold of ladder) {
    if (threshold > 0 && left <= threshold) stage = threshold;
  }
  return stage;
}
