/** The UTC day of an ISO timestamp, e.g. `2027-01-31`; `-` for none. */
export function dayOf(timestamp: string | null): string {
  return timestamp === null ? '-' : timestamp.slice(0, 10);
}

/** Days left as a table shows them: `12`, `expired`, or `-` when nothing expires. */
export function daysLeftLabel(daysLeft: number | null): string {
  if (daysLeft === null) return '-';
  return daysLeft < 0 ? 'expired' : String(daysLeft);
}

/** "2027-01-31 (12 days left)", "2026-05-02 (expired)", or "none" when nothing expires. */
export function expiryText(timestamp: string | null, daysLeft: number | null): string {
  if (timestamp === null || daysLeft === null) return 'none';
  if (daysLeft < 0) return `${dayOf(timestamp)} (expired)`;
  return `${dayOf(timestamp)} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left)`;
}

/** "1 app expires within 30 days", "2 profiles expire within 7 days". */
export function expiringSummary(count: number, noun: string, days: number): string {
  return count === 1 ? `1 ${noun} expires within ${days} days` : `${count} ${noun}s expire within ${days} days`;
}
