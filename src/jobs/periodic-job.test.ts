import { describe, expect, it } from 'vitest';
import { unique } from '../../test/http/fixtures.js';
import { ManualClock } from '../../test/mdm-server/store-world.js';
import { forEachDatabase } from '../../test/store/harness.js';
import { runIfLeased, startPeriodicJob, type PeriodicJobOptions, type RunningJob } from './periodic-job.js';

const INTERVAL_MS = 60_000;
/** Real timers tick this fast; the lease still follows the manual clock, which stands still. */
const TICK_MS = 15;
const clock = new ManualClock(new Date('2026-02-01T12:00:00Z'));

forEachDatabase((context) => {
  /** Two servers sharing the database: each runs `name` as its own holder and counts its runs. */
  function servers(name: string) {
    const runs: string[] = [];
    const server = (holder: string): Omit<PeriodicJobOptions, 'onError'> => ({
      name,
      intervalMs: INTERVAL_MS,
      holder,
      leases: context.database().repositories.mdmLeases,
      clock,
      run: () => {
        runs.push(holder);
        return Promise.resolve();
      },
    });
    return { runs, a: server('server-a'), b: server('server-b') };
  }

  describe('runIfLeased', () => {
    it('runs the job in one server at a time; the holder renews, and another takes over when it stops', async () => {
      const { runs, a, b } = servers(unique('job'));
      expect(await runIfLeased(a)).toBe(true);
      expect(await runIfLeased(b)).toBe(false);
      clock.advance(INTERVAL_MS);
      expect(await runIfLeased(b)).toBe(false);
      expect(await runIfLeased(a)).toBe(true);
      // Server A dies here: its lease (two intervals from its last run) runs out.
      clock.advance(2 * INTERVAL_MS - 1);
      expect(await runIfLeased(b)).toBe(false);
      clock.advance(1);
      expect(await runIfLeased(b)).toBe(true);
      expect(await runIfLeased(a)).toBe(false);
      expect(runs).toEqual(['server-a', 'server-a', 'server-b']);
    });

    it('keeps jobs of different names apart', async () => {
      const first = servers(unique('job'));
      const second = servers(unique('job'));
      expect(await runIfLeased(first.a)).toBe(true);
      expect(await runIfLeased(second.b)).toBe(true);
    });
  });

  describe('startPeriodicJob', () => {
    const start = (options: Omit<PeriodicJobOptions, 'onError'>, onError: (error: unknown) => void = () => undefined): RunningJob =>
      startPeriodicJob({ ...options, intervalMs: TICK_MS, onError });

    it('runs in one of two servers each period, and in the other once the first stops', async () => {
      const { runs, a, b } = servers(unique('job'));
      const jobs = new Map([
        ['server-a', start(a)],
        ['server-b', start(b)],
      ]);
      await expect.poll(() => runs.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      const [winner] = runs;
      const other = winner === 'server-a' ? 'server-b' : 'server-a';
      expect(new Set(runs)).toEqual(new Set([winner]));

      // Stopping gives the lease up at once, rather than after two intervals.
      await jobs.get(winner ?? '')?.stop();
      const runsOfWinner = runs.length;
      await expect.poll(() => runs.slice(runsOfWinner).filter((holder) => holder === other).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      await jobs.get(other)?.stop();
      expect(runs.slice(runsOfWinner).every((holder) => holder === other)).toBe(true);
    });

    it('reports a failed run and keeps running', async () => {
      const errors: unknown[] = [];
      let calls = 0;
      const job = start(
        {
          ...servers(unique('job')).a,
          run: () => {
            calls++;
            return calls === 1 ? Promise.reject(new Error('database away')) : Promise.resolve();
          },
        },
        (error) => errors.push(error),
      );
      await expect.poll(() => calls, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      await job.stop();
      expect(errors).toHaveLength(1);
      expect(String(errors[0])).toContain('database away');
    });

    it('starts no run while the last one goes on, and stop waits for it', async () => {
      const finishers: (() => void)[] = [];
      let finished = 0;
      const job = start({
        ...servers(unique('job')).a,
        run: () =>
          new Promise<void>((resolve) => {
            finishers.push(() => {
              finished++;
              resolve();
            });
          }),
      });
      await expect.poll(() => finishers.length, { timeout: 10_000 }).toBe(1);
      let stopped = false;
      const stopping = job.stop().then(() => void (stopped = true));
      // Several periods go by while the run is still busy.
      await new Promise((resolve) => setTimeout(resolve, 4 * TICK_MS));
      expect(stopped).toBe(false);
      expect(finishers).toHaveLength(1);
      finishers[0]?.();
      await stopping;
      expect(finished).toBe(1);
    });
  });
});
