import type { ExpiryScheduleSettings } from '../config/server-config.js';
import type { Clock } from '../services/auth/clock.js';
import type { MdmLeaseRepository } from '../store/mdm-lease.repository.js';
import { nextDailyRun } from './expiry-schedule.js';
import type { RunningJob } from './periodic-job.js';
import type { CancelTimer, Timers } from './timers.js';

export interface ExpiryScanJobOptions {
  readonly schedule: ExpiryScheduleSettings;
  /** One scan and what follows it; the scan takes its own lease, so runs never overlap. */
  readonly run: () => Promise<void>;
  readonly leases: Pick<MdmLeaseRepository, 'acquire'>;
  /** This process, as lease holder. */
  readonly holder: string;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly onError: (error: unknown) => void;
}

/** The lease that says which server runs a given day's scan. */
export const DAILY_SCAN_LEASE = 'expiry.daily-scan';
/** A day's claim ends this long before the next day's run, so clocks a little apart still agree. */
const CLAIM_MARGIN_MS = 60_000;

/**
 * Runs `run` once at start and then every day at the configured wall-clock time in the
 * configured zone. Every server sets the daily timer; the first to fire claims that day's run
 * with a lease lasting until just before the next one, so of several servers on one database
 * only one scans each day. The start-up run is not claimed: a restarted server catches up at
 * once, and notices are recorded once however often the scan runs.
 */
export function startExpiryScanJob(options: ExpiryScanJobOptions): RunningJob {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let cancel: CancelTimer = () => undefined;
  // Runs one after the other: a daily run that comes due during the start-up run waits for it.
  const enqueue = (work: () => Promise<void>) => {
    current = current.then(work).catch(options.onError);
  };
  const arm = (after: Date) => {
    if (stopped) return;
    const at = nextRun(options.schedule, after);
    const delay = Math.max(0, at.getTime() - options.clock.now().getTime());
    cancel = options.timers.after(delay, () =>
      enqueue(async () => {
        try {
          await runDaily(options, at);
        } finally {
          // A timer that fires a little early still runs `at`'s scan; the next one comes after `at`.
          arm(new Date(Math.max(options.clock.now().getTime(), at.getTime())));
        }
      }),
    );
  };
  enqueue(options.run);
  arm(options.clock.now());
  return {
    async stop() {
      stopped = true;
      cancel();
      await current;
    },
  };
}

function nextRun(schedule: ExpiryScheduleSettings, after: Date): Date {
  return nextDailyRun(after, schedule.scanTime, schedule.timeZone);
}

/** Claims the run scheduled `at` for this server, and runs it when the claim succeeds. */
async function runDaily(options: ExpiryScanJobOptions, at: Date): Promise<void> {
  const claimUntil = new Date(nextRun(options.schedule, at).getTime() - CLAIM_MARGIN_MS);
  if (await options.leases.acquire(DAILY_SCAN_LEASE, options.holder, options.clock.now(), claimUntil)) await options.run();
}
