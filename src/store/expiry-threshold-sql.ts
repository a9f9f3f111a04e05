import { sql, type RawBuilder } from 'kysely';
import type { Threshold } from '../domain/expiry-thresholds.js';
import type { Millis } from './schema.js';

const DAY_MS = 86_400_000;

/** The positive stages of a ladder, nearest to expiry first. */
function stages(ladder: readonly Threshold[]): Threshold[] {
  return ladder.filter((threshold) => threshold > 0).sort((a, b) => a - b);
}

/**
 * The first instant at which an expiry is too far away for the ladder to notice it:
 * `currentThreshold` is null for expiries at or after it (and not yet expired).
 */
export function ladderHorizon(now: Date, ladder: readonly Threshold[]): Millis {
  const furthest = Math.max(0, ...stages(ladder));
  return now.getTime() + (furthest + 1) * DAY_MS;
}

/**
 * `currentThreshold(<column>, now, ladder)` as an SQL expression over an epoch-millisecond
 * column, so a scan judges every row in the database instead of in JavaScript. Whole days left
 * are `floor((expiry - now) / day)`, so "at most N days left" is `expiry < now + (N + 1) days`:
 * comparisons only, which both databases evaluate the same way whatever the bound value's type.
 */
export function thresholdCase(column: string, now: Date, ladder: readonly Threshold[]): RawBuilder<Threshold | null> {
  const at = now.getTime();
  const expired = ladder.includes(0) ? sql.lit(0) : sql.lit(null);
  const whens = stages(ladder).map((threshold) => sql`when ${sql.ref(column)} < ${at + (threshold + 1) * DAY_MS} then ${sql.lit(threshold)}`);
  return sql<Threshold | null>`(case when ${sql.ref(column)} <= ${at} then ${expired} ${sql.join(whens, sql` `)} end)`;
}
