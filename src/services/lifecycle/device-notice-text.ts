import type { Threshold } from '../../domain/expiry-thresholds.js';

/** What a device's user reads: which app, when it stops, and what to do. */
export function deviceNoticeMessage(appName: string, expiresAt: Date, threshold: Threshold): string {
  const day = expiresAt.toISOString().slice(0, 10);
  if (threshold === 0) return `"${appName}" has expired and can no longer be opened. Contact your IT department.`;
  return `"${appName}" will stop opening on ${day} unless your IT department renews it. Keep your device unlocked and online so the renewal can arrive.`;
}
