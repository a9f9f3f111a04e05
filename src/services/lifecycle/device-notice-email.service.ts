import { setTimeout as wait } from 'node:timers/promises';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../alerts/backoff.js';
import { classifyEmailError, type EmailFailureKind } from '../../alerts/email-failure.js';
import type { EmailSender } from '../../alerts/email-sender.js';
import type { DeviceNotice, DeviceNoticeRepository, EmailCursor } from '../../store/notice-device.repository.js';
import { deviceNoticeSubject } from './device-notice-text.js';

export interface DeviceNoticeEmailDeps {
  readonly notices: Pick<DeviceNoticeRepository, 'pendingEmails' | 'setEmailStatus'>;
  readonly email: EmailSender;
  readonly policy?: RetryPolicy;
  readonly batchSize?: number;
  /** Waits between attempts; tests pass one that does not. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What one delivery run did. */
export interface EmailRunTally {
  readonly sent: number;
  readonly failed: number;
  /** True when the mail server could not be used: the notices left wait for the next run. */
  readonly postponed: boolean;
}

type Outcome = 'sent' | 'failed' | 'unavailable';

/**
 * Emails device notices to their users. Each notice is tried a few times with backoff while the
 * server defers it (4xx); one the server rejects (5xx) is marked failed at once. When the server
 * itself cannot be used, the run stops and the remaining notices stay pending for the next run.
 * A notice is marked sent after the server accepted it, so a crash in between sends it again:
 * a duplicate email is better than a missing one. One email per device and stage: a user with
 * two devices running the app hears of it once per device.
 */
export class DeviceNoticeEmailService {
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private running: Promise<EmailRunTally> | undefined;

  constructor(private readonly deps: DeviceNoticeEmailDeps) {
    this.policy = deps.policy ?? DEFAULT_RETRY_POLICY;
    this.sleep = deps.sleep ?? ((ms) => wait(ms));
  }

  /** Sends every pending notice; a call while a run is going joins that run instead of sending twice. */
  deliverPending(): Promise<EmailRunTally> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<EmailRunTally> {
    const tally = { sent: 0, failed: 0, postponed: false };
    for (let after: EmailCursor | undefined; ; ) {
      const batch = await this.deps.notices.pendingEmails(this.deps.batchSize ?? 100, after);
      if (batch.length === 0) return tally;
      for (const notice of batch) {
        const outcome = await this.sendWithRetries(notice);
        if (outcome === 'unavailable') return { ...tally, postponed: true };
        await this.deps.notices.setEmailStatus(notice, outcome);
        tally[outcome] += 1;
        after = notice;
      }
    }
  }

  private async sendWithRetries(notice: DeviceNotice): Promise<Outcome> {
    if (notice.email === undefined) return 'failed';
    const message = { to: notice.email, subject: deviceNoticeSubject(notice), text: notice.message };
    let last: EmailFailureKind = 'unavailable';
    for (let attempt = 1; attempt <= this.policy.attempts; attempt += 1) {
      if (attempt > 1) await this.sleep(backoffDelay(this.policy, attempt - 1));
      try {
        await this.deps.email.send(message);
        return 'sent';
      } catch (error) {
        last = classifyEmailError(error).kind;
        if (last === 'rejected') return 'failed';
      }
    }
    return last === 'unavailable' ? 'unavailable' : 'failed';
  }
}
