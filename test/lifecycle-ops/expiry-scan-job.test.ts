import { afterEach, describe, expect, it } from 'vitest';
import { DAILY_SCAN_LEASE, startExpiryScanJob } from '../../src/jobs/expiry-scan-job.js';
import type { RunningJob } from '../../src/jobs/periodic-job.js';
import { forEachDatabase } from '../store/harness.js';
import { manualClock, type ManualClock } from '../lifecycle/world.js';
import { eventually, ManualTimers } from './manual-timers.js';

const HOUR_MS = 3_600_000;
const AMSTERDAM_0630 = { scanTime: '06:30', timeZone: 'Europe/Amsterdam' };

forEachDatabase((context) => {
  const started: { job: RunningJob; holder: string }[] = [];

  /** One server's scan job; `runs` records the clock at each run. */
  function startServerJob(holder: string, clock: ManualClock, timers: ManualTimers, run?: () => Promise<void>) {
    const runs: Date[] = [];
    const errors: unknown[] = [];
    const job = startExpiryScanJob({
      schedule: AMSTERDAM_0630,
      run: run ?? (() => Promise.resolve(void runs.push(clock.now()))),
      leases: context.database().repositories.mdmLeases,
      holder,
      clock,
      timers,
      onError: (error) => void errors.push(error),
    });
    started.push({ job, holder });
    return { runs, errors, job };
  }

  afterEach(async () => {
    for (const { job, holder } of started.splice(0)) {
      await job.stop();
      await context.database().repositories.mdmLeases.release(DAILY_SCAN_LEASE, holder);
    }
  });

  describe('expiry scan schedule', () => {
    it('scans at start, then every day at the wall-clock time of the zone', async () => {
      const clock = manualClock(new Date('2026-03-01T00:00:00Z'));
      const timers = new ManualTimers();
      const { runs } = startServerJob('server-a', clock, timers);
      await eventually(() => runs.length === 1);
      // 06:30 in Amsterdam in winter is 05:30 UTC.
      expect(timers.waiting).toEqual([5.5 * HOUR_MS]);

      clock.set(new Date('2026-03-01T05:30:00Z'));
      timers.fire();
      await eventually(() => timers.waiting.length === 1);
      expect(runs.map((run) => run.toISOString())).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-01T05:30:00.000Z']);
      expect(timers.waiting).toEqual([24 * HOUR_MS]);
    });

    it('follows the zone across daylight saving time', () => {
      const clock = manualClock(new Date('2026-03-28T05:30:00Z'));
      const timers = new ManualTimers();
      startServerJob('server-dst', clock, timers);
      // Clocks go forward on 29 March: 06:30 is then 04:30 UTC, 23 hours later.
      expect(timers.waiting).toEqual([23 * HOUR_MS]);
    });

    it('lets one server of several scan each day', async () => {
      const clock = manualClock(new Date('2026-05-10T01:00:00Z'));
      const timersA = new ManualTimers();
      const timersB = new ManualTimers();
      const a = startServerJob('server-a', clock, timersA);
      const b = startServerJob('server-b', clock, timersB);
      await eventually(() => a.runs.length === 1 && b.runs.length === 1);

      for (const day of ['2026-05-10T04:30:00Z', '2026-05-11T04:30:00Z']) {
        const before = a.runs.length + b.runs.length;
        clock.set(new Date(day));
        timersB.fire();
        timersA.fire();
        await eventually(() => timersA.waiting.length === 1 && timersB.waiting.length === 1);
        expect(a.runs.length + b.runs.length).toBe(before + 1);
      }
      expect([...a.runs, ...b.runs].filter((run) => run.getUTCHours() === 4)).toHaveLength(2);
    });

    it('keeps the schedule after a failing scan and stops cleanly', async () => {
      const clock = manualClock(new Date('2026-08-01T12:00:00Z'));
      const timers = new ManualTimers();
      const server = startServerJob('server-failing', clock, timers, () => Promise.reject(new Error('database went away')));
      await eventually(() => server.errors.length === 1);
      clock.set(new Date('2026-08-02T04:30:00Z'));
      timers.fire();
      await eventually(() => server.errors.length === 2 && timers.waiting.length === 1);
      await server.job.stop();
      expect(timers.waiting).toEqual([]);
    });
  });
});
