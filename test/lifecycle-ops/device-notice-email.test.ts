import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpSender } from '../../src/alerts/email-sender.js';
import { DeviceNoticeEmailService } from '../../src/services/lifecycle/device-notice-email.service.js';
import type { Database } from '../../src/store/database.js';
import { uniqueName } from '../store/builders.js';
import { forEachDatabase } from '../store/harness.js';
import { appExpiringAt, createScopedOg, inDays, NOW } from '../lifecycle/world.js';
import { mailsTo, startSmtpServer, type TestSmtpServer } from './smtp-server.js';

const POLICY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 };
const noWait = () => Promise.resolve();

/** A device whose user has `email`, with one notice waiting to be emailed. */
async function pendingNotice(database: Database, email: string) {
  const og = await createScopedOg(database.repositories);
  const { app, deviceIds } = await appExpiringAt(database, og, inDays(20), 1, email);
  const deviceId = deviceIds[0] ?? 0;
  const stage = { appId: app.id, threshold: 30 as const, expiresAt: inDays(20), message: `"${app.name}" will stop opening soon.` };
  await database.repositories.deviceNotices.recordStages([stage], NOW);
  const status = async () => (await database.repositories.deviceNotices.outbox(og.scope, deviceId, { all: true }))[0]?.emailStatus;
  return { app, status };
}

forEachDatabase((context) => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => smtp.close());

  const deliver = async (url = smtp.url) => {
    const email = smtpSender({ url, from: 'Provisio <provisio@example.com>' });
    try {
      return await new DeviceNoticeEmailService({ notices: context.database().repositories.deviceNotices, email, policy: POLICY, sleep: noWait }).deliverPending();
    } finally {
      email.close();
    }
  };

  describe('device notice email', () => {
    it('sends each pending notice once, with the notice as its text', async () => {
      const address = `${uniqueName('user')}@example.com`;
      const { app, status } = await pendingNotice(context.database(), address);
      const first = await deliver();
      expect(first.sent).toBeGreaterThanOrEqual(1);
      await deliver();
      const mails = mailsTo(smtp, address);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.data).toContain(app.name);
      expect(mails[0]?.data).toMatch(/Subject: An app on your device stops working on \d{4}-\d{2}-\d{2}/);
      expect(await status()).toBe('sent');
    });

    it('retries a notice the server defers and gives up on one it rejects', async () => {
      const deferred = `busy-2-${uniqueName('user')}@example.com`;
      const stubborn = `busy-9-${uniqueName('user')}@example.com`;
      const rejected = `rejected-${uniqueName('user')}@example.com`;
      const notices = [await pendingNotice(context.database(), deferred), await pendingNotice(context.database(), stubborn), await pendingNotice(context.database(), rejected)];
      const tally = await deliver();
      expect(tally).toMatchObject({ sent: 1, failed: 2, postponed: false });
      expect(await Promise.all(notices.map((notice) => notice.status()))).toEqual(['sent', 'failed', 'failed']);
      expect([smtp.attempts.get(deferred), smtp.attempts.get(stubborn), smtp.attempts.get(rejected)]).toEqual([3, 3, 1]);
      expect(mailsTo(smtp, deferred)).toHaveLength(1);
    });

    it('keeps notices pending while the mail server cannot be reached', async () => {
      const address = `${uniqueName('user')}@example.com`;
      const { status } = await pendingNotice(context.database(), address);
      const down = await startSmtpServer();
      await down.close();
      expect(await deliver(down.url)).toMatchObject({ sent: 0, failed: 0, postponed: true });
      expect(await status()).toBe('pending');
      await deliver();
      expect(await status()).toBe('sent');
    });
  });
});
