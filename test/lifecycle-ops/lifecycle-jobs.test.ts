import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpSender } from '../../src/alerts/email-sender.js';
import { startLifecycleJobs } from '../../src/jobs/lifecycle-jobs.js';
import { uniqueName } from '../store/builders.js';
import { forEachDatabase } from '../store/harness.js';
import { appExpiringAt, createScopedOg, inDays, manualClock, NOW } from '../lifecycle/world.js';
import { eventually, ManualTimers } from './manual-timers.js';
import { mailsTo, startSmtpServer, type TestSmtpServer } from './smtp-server.js';

forEachDatabase((context) => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => smtp.close());

  describe('lifecycle jobs', () => {
    it('scans at start and daily, emailing device users and alert channels the new notices', async () => {
      const database = context.database();
      const og = await createScopedOg(database.repositories);
      const user = `${uniqueName('user')}@example.com`;
      const ops = `${uniqueName('ops')}@example.com`;
      await database.repositories.alertChannels.create(og.scope, { ogId: og.og.id, kind: 'email', target: ops }, NOW);
      const { deviceIds } = await appExpiringAt(database, og, inDays(20), 1, user);
      const clock = manualClock(NOW);
      const timers = new ManualTimers();
      const email = smtpSender({ url: smtp.url, from: 'provisio@example.com' });
      const errors: unknown[] = [];
      const jobs = startLifecycleJobs({ database, clock, schedule: { scanTime: '02:00', timeZone: 'UTC' }, email, timers, onError: (error) => void errors.push(error) });
      const outbox = async () =>
        (await database.repositories.deviceNotices.outbox(og.scope, deviceIds[0] ?? 0, { all: true })).map((notice) => `${notice.threshold}:${notice.emailStatus}`);
      try {
        await eventually(async () => (await outbox()).join() === '30:sent' && mailsTo(smtp, ops).length === 1);
        expect(mailsTo(smtp, user)).toHaveLength(1);

        // Seven days on, the daily run finds the 14-day stage.
        clock.advanceDays(7);
        timers.fire();
        await eventually(async () => (await outbox()).join() === '30:sent,14:sent');
        expect(mailsTo(smtp, user)).toHaveLength(2);
        expect(errors).toEqual([]);
      } finally {
        await jobs.stop();
        email.close();
      }
    });
  });
});
