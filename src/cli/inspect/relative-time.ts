const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const format = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/**
 * "expires in 12 days", "expired 3 years ago". Days up to 90, because admins plan renewals in
 * days; months up to two years; years beyond.
 */
export function describeExpiry(expiry: Date, now: Date): string {
  const delta = expiry.getTime() - now.getTime();
  return `${delta > 0 ? 'expires' : 'expired'} ${relative(delta)}`;
}

function relative(deltaMs: number): string {
  const days = Math.abs(deltaMs) / DAY;
  if (Math.abs(deltaMs) < HOUR) return deltaMs > 0 ? 'in less than an hour' : 'less than an hour ago';
  if (days < 1) return format.format(Math.trunc(deltaMs / HOUR), 'hour');
  if (days < 90) return format.format(Math.trunc(deltaMs / DAY), 'day');
  if (days < 730) return format.format(Math.trunc(deltaMs / (30 * DAY)), 'month');
  return format.format(Math.trunc(deltaMs / (365 * DAY)), 'year');
}
