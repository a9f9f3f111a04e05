import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ADMIN_THRESHOLDS, currentThreshold, DEVICE_THRESHOLDS } from '../../src/domain/expiry-thresholds.js';
import { ladderHorizon, thresholdCase } from '../../src/store/expiry-threshold-sql.js';
import { forEachDatabase } from '../store/harness.js';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-06-15T09:30:00Z');

/** Expiries around every stage boundary: each whole day from 2 days ago to 63 days ahead, a millisecond either side, and midday. */
function expiriesToJudge(): number[] {
  const offsets: number[] = [];
  for (let day = -2; day <= 63; day++) offsets.push(day * DAY_MS - 1, day * DAY_MS, day * DAY_MS + 1, day * DAY_MS + DAY_MS / 2);
  return offsets.map((offset) => NOW.getTime() + offset);
}

forEachDatabase((context) => {
  describe('the notice ladder in SQL', () => {
    for (const [name, ladder] of [['admin', ADMIN_THRESHOLDS], ['device', DEVICE_THRESHOLDS]] as const) {
      it(`gives the stage currentThreshold gives, on the ${name} ladder`, async () => {
        const expiries = expiriesToJudge();
        const values = sql.join(expiries.map((expiry) => sql`select cast(${sql.lit(expiry)} as bigint) as expiry`), sql` union all `);
        const rows = await sql<{ expiry: number | string; stage: number | null }>`select e.expiry, ${thresholdCase('e.expiry', NOW, ladder)} as stage from (${values}) as e`.execute(
          context.database().kysely,
        );
        const judged = new Map(rows.rows.map((row) => [Number(row.expiry), row.stage === null ? null : Number(row.stage)]));
        for (const expiry of expiries) {
          expect(judged.get(expiry), new Date(expiry).toISOString()).toBe(currentThreshold(new Date(expiry), NOW, ladder));
        }
      });
    }

    it('puts the horizon where the ladder stops noticing', () => {
      const horizon = ladderHorizon(NOW, ADMIN_THRESHOLDS);
      expect(currentThreshold(new Date(horizon - 1), NOW)).toBe(60);
      expect(currentThreshold(new Date(horizon), NOW)).toBeNull();
      expect(currentThreshold(new Date(ladderHorizon(NOW, DEVICE_THRESHOLDS) - 1), NOW, DEVICE_THRESHOLDS)).toBe(30);
    });
  });
});
