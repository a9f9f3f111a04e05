import type { Clock } from '../services/auth/clock.js';
import type { MdmLeaseRepository } from '../store/mdm-lease.repository.js';

export interface PeriodicJobOptions {
  /** Names the lease: servers sharing a database run a job of this name once per period. */
  readonly name: string;
  readonly intervalMs: number;
  /** This process, as lease holder. */
  readonly holder: string;
  readonly leases: MdmLeaseRepository;
  readonly clock: Clock;
  readonly run: () => Promise<void>;
  readonly onError: (error: unknown) => void;
}

/** A started job; `stop` waits for a run in progress and gives the lease up. */
export interface RunningJob {
  stop(): Promise<void>;
}

/**
 * Runs `run` every interval in the process that holds the job's lease. The lease lasts two
 * intervals and the holder renews it each time, so a crashed holder is replaced within two
 * intervals and two servers never run the job at once.
 */
export function startPeriodicJob(options: PeriodicJobOptions): RunningJob {
  let current: Promise<void> = Promise.resolve();
  let running = false;
  const tick = () => {
    // A run that outlasts the interval (a sweep over a million devices) is not started again beside itself.
    if (running) return;
    running = true;
    current = runIfLeased(options)
      .then(() => undefined, options.onError)
      .finally(() => void (running = false));
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
      await options.leases.release(options.name, options.holder).catch(options.onError);
    },
  };
}

/** One period: take or renew the lease, then run. */
export async function runIfLeased(options: Omit<PeriodicJobOptions, 'onError'>): Promise<boolean> {
  const now = options.clock.now();
  const until = new Date(now.getTime() + 2 * options.intervalMs);
  if (!(await options.leases.acquire(options.name, options.holder, now, until))) return false;
  await options.run();
  return true;
}
