import type { RetryPolicy } from '../../alerts/backoff.js';
import type { EmailSender } from '../../alerts/email-sender.js';
import { sendWebhook } from '../../alerts/webhook-sender.js';
import { noticeHeadline, type ExpiryNotice } from '../../domain/notice-types.js';
import type { AlertChannelWithSecret } from '../../store/alert-channel.repository.js';
import type { Database } from '../../store/database.js';
import type { Clock } from '../auth/clock.js';
import type { NoticeListener } from './expiry-scan.service.js';

export interface AlertDispatchDeps {
  readonly database: Pick<Database, 'repositories'>;
  readonly clock: Clock;
  /** Absent when no SMTP server is configured: email channels are then logged as failed. */
  readonly email?: EmailSender;
  readonly webhookPolicy?: RetryPolicy;
}

/** The JSON a webhook receives for one notice. */
export function webhookPayload(notice: ExpiryNotice) {
  return {
    event: notice.threshold === 0 ? 'expiry.expired' : 'expiry.approaching',
    notice: {
      id: notice.id,
      ogId: notice.ogId,
      subjectType: notice.subjectType,
      subjectId: notice.subjectId,
      subjectName: notice.subjectName,
      thresholdDays: notice.threshold,
      expiresAt: notice.expiresAt.toISOString(),
      impact: notice.impact,
    },
    headline: noticeHeadline(notice),
  };
}

function emailText(notice: ExpiryNotice): string {
  const apps = notice.impact.apps.map((app) => `- ${app.name} (OG ${app.ogId}): ${app.devices} device(s)`);
  return [noticeHeadline(notice), '', apps.length === 0 ? 'No app uses it.' : 'Apps that stop working:', ...apps].join('\n');
}

/**
 * Sends each new notice over the alert channels of its OG and of that OG's ancestors (email,
 * signed webhook), logging every attempt. A failing channel never stops the others.
 */
export class AlertDispatchService implements NoticeListener {
  constructor(private readonly deps: AlertDispatchDeps) {}

  async noticesCreated(notices: readonly ExpiryNotice[]): Promise<void> {
    // A scan can create thousands of notices in a few OGs: look each OG's channels up once.
    const channelsOf = new Map<number, AlertChannelWithSecret[]>();
    for (const notice of notices) {
      const channels = channelsOf.get(notice.ogId) ?? (await this.deps.database.repositories.alertChannels.forOg(notice.ogId));
      channelsOf.set(notice.ogId, channels);
      await Promise.all(channels.map((channel) => this.deliver(channel, notice)));
    }
  }

  private async deliver(channel: AlertChannelWithSecret, notice: ExpiryNotice): Promise<void> {
    const log = this.deps.database.repositories.alertDeliveries;
    if (channel.kind === 'webhook') {
      const request = { url: channel.target, secret: channel.secret ?? '', payload: webhookPayload(notice) };
      await sendWebhook(request, {
        policy: this.deps.webhookPolicy,
        now: () => this.deps.clock.now(),
        onAttempt: (attempt) => log.record({ ...attempt, channelId: channel.id, noticeId: notice.id }),
      });
      return;
    }
    const error = await this.sendEmail(channel.target, notice);
    await log.record({
      channelId: channel.id,
      noticeId: notice.id,
      attempt: 1,
      outcome: error === undefined ? 'delivered' : 'failed',
      statusCode: undefined,
      error,
      at: this.deps.clock.now(),
    });
  }

  private async sendEmail(to: string, notice: ExpiryNotice): Promise<string | undefined> {
    if (this.deps.email === undefined) return 'no SMTP server is configured';
    try {
      await this.deps.email.send({ to, subject: `[Provisio] ${noticeHeadline(notice)}`, text: emailText(notice) });
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}
