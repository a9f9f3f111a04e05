import type { EmailSender } from '../alerts/email-sender.js';
import type { ExpiryScheduleSettings } from '../config/server-config.js';
import type { Clock } from '../services/auth/clock.js';
import { AlertDispatchService } from '../services/lifecycle/alert-dispatch.service.js';
import { DeviceNoticeEmailService } from '../services/lifecycle/device-notice-email.service.js';
import { ExpiryScanService } from '../services/lifecycle/expiry-scan.service.js';
import type { Database } from '../store/database.js';
import { startExpiryScanJob } from './expiry-scan-job.js';
import { newJobHolder } from './job-holder.js';
import { runIfLeased, startPeriodicJob, type PeriodicJobOptions, type RunningJob } from './periodic-job.js';
import { systemTimers, type Timers } from './timers.js';

export interface LifecycleJobsOptions {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly clock: Clock;
  readonly schedule: ExpiryScheduleSettings;
  /** Absent without an SMTP server: alerts then log email channels as failed, and users get no email. */
  readonly email: EmailSender | undefined;
  readonly timers?: Timers;
  /** Between runs of the device-user email delivery; default 5 minutes. */
  readonly emailIntervalMs?: number;
  readonly onError: (error: unknown) => void;
}

const EMAIL_INTERVAL_MS = 5 * 60_000;

/**
 * The expiry scan (at start, then daily at the configured time) with alerts to the channels of
 * each new notice, and the delivery of device-user notice emails: every few minutes, and right
 * after each scan so new notices go out at once. Each runs under a lease: one server at a time.
 */
export function startLifecycleJobs(options: LifecycleJobsOptions): RunningJob {
  const { database, clock, email, onError } = options;
  const holder = newJobHolder();
  const leases = database.repositories.mdmLeases;
  const listener = new AlertDispatchService({ database, clock, email });
  const scans = new ExpiryScanService({ database, clock, listener, holder });
  const mail = email === undefined ? undefined : emailJob(options, email, holder);
  const jobs: RunningJob[] = [];
  if (mail !== undefined) jobs.push(startPeriodicJob({ ...mail, onError }));
  const scanAndMail = async () => {
    await scans.scan();
    if (mail !== undefined) await runIfLeased(mail);
  };
  jobs.push(startExpiryScanJob({ schedule: options.schedule, run: scanAndMail, leases, holder, clock, timers: options.timers ?? systemTimers, onError }));
  return { stop: async () => void (await Promise.all(jobs.map((job) => job.stop()))) };
}

function emailJob(options: LifecycleJobsOptions, email: EmailSender, holder: string): Omit<PeriodicJobOptions, 'onError'> {
  const delivery = new DeviceNoticeEmailService({ notices: options.database.repositories.deviceNotices, email });
  return {
    name: 'lifecycle.device-emails',
    intervalMs: options.emailIntervalMs ?? EMAIL_INTERVAL_MS,
    holder,
    leases: options.database.repositories.mdmLeases,
    clock: options.clock,
    run: async () => void (await delivery.deliverPending()),
  };
}
