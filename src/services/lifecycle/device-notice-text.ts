import type { Threshold } from '../../domain/expiry-thresholds.js';

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** What a device's user reads: which app, when it stops, and what to do. */
export function deviceNoticeMessage(appName: string, expiresAt: Date, threshold: Threshold): string {
  if (threshold === 0) return `"${appName}" has expired and can no longer be opened. Contact your IT department.`;
  return `"${appName}" will stop opening on ${dayOf(expiresAt)} unless your IT department renews it. Keep your device unlocked and online so the renewal can arrive.`;
}

/** The subject of the email that carries a device notice to the device's user. */
export function deviceNoticeSubject(notice: { readonly expiresAt: Date; readonly threshold: Threshold }): string {
  if (notice.threshold === 0) return 'An app on your device has expired';
  return `An app on your device stops working on ${dayOf(notice.expiresAt)}`;
}
