import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpSender } from '../../src/alerts/email-sender.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../src/alerts/webhook-signature.js';
import { AlertDispatchService } from '../../src/services/lifecycle/alert-dispatch.service.js';
import { ExpiryScanService } from '../../src/services/lifecycle/expiry-scan.service.js';
import { mailsTo, startSmtpServer, type TestSmtpServer } from '../lifecycle-ops/smtp-server.js';
import { forEachDatabase } from '../store/harness.js';
import { appExpiringAt, createScopedOg, inDays, manualClock, NOW } from './world.js';

interface ReceivedHook {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A webhook receiver that answers 503 `failures` times, then 204. */
async function startReceiver(failures: number): Promise<{ server: Server; url: string; hooks: ReceivedHook[] }> {
  const hooks: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      hooks.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = hooks.length <= failures ? 503 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/provisio`, hooks };
}

forEachDatabase((context) => {
  let smtp: TestSmtpServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    receiver = await startReceiver(2);
  });
  afterAll(async () => {
    await smtp.close();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });

  describe('alert channels', () => {
    it('emails and signs webhooks to the channels of the OG and its ancestors, retrying failures', async () => {
      const database = context.database();
      const { repositories } = database;
      const parent = await createScopedOg(repositories);
      const child = await createScopedOg(repositories, parent);
      const sibling = await createScopedOg(repositories, parent);
      const email = await repositories.alertChannels.create(parent.scope, { ogId: parent.og.id, kind: 'email', target: 'ops@example.com' }, NOW);
      const hook = await repositories.alertChannels.create(child.scope, { ogId: child.og.id, kind: 'webhook', target: receiver.url, secret: 's3cret' }, NOW);
      await repositories.alertChannels.create(sibling.scope, { ogId: sibling.og.id, kind: 'email', target: 'sibling@example.com' }, NOW);
      const { profile } = await appExpiringAt(database, child, inDays(5), 2);

      const sender = smtpSender({ url: smtp.url, from: 'provisio@example.com' });
      const policy = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };
      const alerts = new AlertDispatchService({ database, clock: manualClock(NOW), email: sender, webhookPolicy: policy });
      const clock = manualClock(NOW);
      // Only this OG's subjects: other tests' data in this database must not alert these channels.
      const scan = new ExpiryScanService({ database, clock, listener: { noticesCreated: (notices) => alerts.noticesCreated(notices.filter((notice) => notice.ogId === child.og.id)) } });
      await scan.scan();
      sender.close();

      const forOps = mailsTo(smtp, 'ops@example.com');
      expect(forOps.length).toBeGreaterThanOrEqual(1);
      expect(forOps.map((mail) => mail.data).join('\n')).toContain(profile.name);
      expect(mailsTo(smtp, 'sibling@example.com')).toEqual([]);

      expect(receiver.hooks.length).toBeGreaterThanOrEqual(3);
      for (const received of receiver.hooks) {
        const timestamp = Number(received.headers[TIMESTAMP_HEADER]);
        expect(verifyWebhook('s3cret', timestamp, received.body, String(received.headers[SIGNATURE_HEADER]))).toBe(true);
        expect(verifyWebhook('wrong', timestamp, received.body, String(received.headers[SIGNATURE_HEADER]))).toBe(false);
      }
      const payload = JSON.parse(receiver.hooks[0]?.body ?? '{}') as { notice: { subjectId: number } };
      expect(payload.notice.subjectId).toBeTypeOf('number');

      const log = await repositories.alertDeliveries.listForChannel(child.scope, hook?.id ?? 0);
      expect(log.slice(0, 3).map((entry) => [entry.attempt, entry.outcome, entry.statusCode ?? null])).toEqual([
        [1, 'failed', 503],
        [2, 'failed', 503],
        [3, 'delivered', 204],
      ]);
      const emailLog = await repositories.alertDeliveries.listForChannel(parent.scope, email?.id ?? 0);
      expect(emailLog.every((entry) => entry.outcome === 'delivered')).toBe(true);
    });
  });
});
