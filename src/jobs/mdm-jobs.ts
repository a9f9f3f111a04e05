import type { PushSender } from '../mdm/apns/index.js';
import type { Clock } from '../services/auth/clock.js';
import type { Repositories } from '../store/repositories.js';
import { newJobHolder } from './job-holder.js';
import { startPeriodicJob, type RunningJob } from './periodic-job.js';
import { sweepPushes } from './push-sweep.js';
import { pruneQueue } from './queue-pruning.js';

export interface MdmJobsOptions {
  readonly repositories: Pick<Repositories, 'mdmEnrollments' | 'mdmQueue' | 'mdmLeases'>;
  readonly sender: PushSender;
  readonly clock: Clock;
  /** 0 turns the push sweep off. */
  readonly pushSweepSeconds: number;
  readonly queueRetentionDays: number;
  readonly onError: (error: unknown) => void;
}

const PRUNE_INTERVAL_MS = 3_600_000;

/** Starts the push sweep and the hourly queue pruning; returns what stops them. */
export function startMdmJobs(options: MdmJobsOptions): RunningJob {
  const { repositories, clock, onError } = options;
  const holder = newJobHolder();
  const common = { holder, leases: repositories.mdmLeases, clock, onError };
  const jobs: RunningJob[] = [
    startPeriodicJob({
      ...common,
      name: 'mdm.queue-pruning',
      intervalMs: PRUNE_INTERVAL_MS,
      run: async () => void (await pruneQueue(repositories.mdmQueue, clock, options.queueRetentionDays)),
    }),
  ];
  if (options.pushSweepSeconds > 0) {
    const intervalMs = options.pushSweepSeconds * 1000;
    const sweep = { enrollments: repositories.mdmEnrollments, sender: options.sender, clock, repushAfterMs: intervalMs };
    jobs.push(startPeriodicJob({ ...common, name: 'mdm.push-sweep', intervalMs, run: async () => void (await sweepPushes(sweep)) }));
  }
  return { stop: async () => void (await Promise.all(jobs.map((job) => job.stop()))) };
}
