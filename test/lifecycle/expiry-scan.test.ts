import { describe, expect, it } from 'vitest';
import { ExpiryScanService } from '../../src/services/lifecycle/expiry-scan.service.js';
import { ExpiryTimelineService } from '../../src/services/lifecycle/expiry-timeline.service.js';
import { forEachDatabase } from '../store/harness.js';
import { createApp, defined, uniqueName, versionInput } from '../store/builders.js';
import { appExpiringAt, createScopedOg, inDays, manualClock, NOW } from './world.js';

const admin = { kind: 'admin' as const, id: 1 };

forEachDatabase((context) => {
  const setup = () => {
    const clock = manualClock(NOW);
    const scanner = new ExpiryScanService({ database: context.database(), clock });
    return { clock, scanner };
  };

  describe('console notices per threshold', () => {
    it('produces exactly the stage each profile is in, never twice', async () => {
      const database = context.database();
      const { clock, scanner } = setup();
      const og = await createScopedOg(database.repositories);
      const profiles = new Map<string, number>();
      for (const [label, expiresAt] of [
        ['61', inDays(61)],
        ['60', inDays(60)],
        ['59', inDays(59)],
        ['31', inDays(31)],
        ['30', inDays(30)],
        ['29', inDays(29)],
        ['expiry day', NOW],
      ] as const) {
        profiles.set(label, (await appExpiringAt(database, og, expiresAt)).profile.id);
      }
      const stages = async () => {
        const notices = await database.repositories.notices.listFor(og.scope, admin);
        const byProfile = new Map([...profiles].map(([label, id]) => [id, label]));
        return notices
          .filter((notice) => notice.subjectType === 'profile')
          .map((notice) => `${byProfile.get(notice.subjectId) ?? '?'}:${notice.threshold}`)
          .sort();
      };

      await scanner.scan();
      expect(await stages()).toEqual(['29:30', '30:30', '31:60', '59:60', '60:60', 'expiry day:0'].sort());
      const again = await scanner.scan();
      expect(await stages()).toHaveLength(6);
      expect(again?.noticesCreated).toBe(0);

      clock.advanceDays(1);
      await scanner.scan();
      expect(await stages()).toEqual(['29:30', '30:30', '31:30', '31:60', '59:60', '60:60', '61:60', 'expiry day:0'].sort());
    });

    it('names the apps, OGs and device counts affected', async () => {
      const database = context.database();
      const { scanner } = setup();
      const og = await createScopedOg(database.repositories);
      const { app, profile } = await appExpiringAt(database, og, inDays(20), 3);
      await scanner.scan();
      const notice = (await database.repositories.notices.listFor(og.scope, admin)).find((candidate) => candidate.subjectId === profile.id);
      expect(notice?.impact).toEqual({ apps: [{ appId: app.id, name: app.name, ogId: og.og.id, devices: 3 }], ogIds: [og.og.id], devices: 3 });
    });

    it('counts a device running two apps under the profile once in the total', async () => {
      const database = context.database();
      const { scanner } = setup();
      const og = await createScopedOg(database.repositories);
      const first = await appExpiringAt(database, og, inDays(20), 2);
      const bundleId = uniqueName('com.acme.second');
      const second = await createApp(database.repositories, og, { bundleId, name: uniqueName('Second') });
      const bundles = [{ bundleId, profileId: first.profile.id, signingCertificateId: first.certificate.id }];
      const version = defined(await database.repositories.appVersions.add(og.scope, second.id, versionInput(bundles)), 'version');
      for (const deviceId of first.deviceIds) {
        const installed = [{ bundleId: first.app.bundleId, appVersionId: first.version.id }, { bundleId, appVersionId: version.id }];
        await database.repositories.devices.recordInstallations(og.scope, deviceId, installed, NOW);
      }
      await scanner.scan();
      const notice = (await database.repositories.notices.listFor(og.scope, admin)).find((candidate) => candidate.subjectId === first.profile.id);
      expect(notice?.impact.apps.map((app) => app.devices)).toEqual([2, 2]);
      expect(notice?.impact.devices).toBe(2);

      // The timeline's day: both apps stop, on two devices (not four).
      const caller = { actor: { kind: 'admin' as const, id: 1, name: 'admin', role: 'system' as const, homeOg: og.og.id, scope: og.scope }, remoteAddress: '127.0.0.1' };
      const timeline = await new ExpiryTimelineService({ database, clock: manualClock(NOW) }).timeline(caller, undefined);
      expect(timeline).toEqual([{ day: inDays(20).toISOString().slice(0, 10), apps: expect.any(Array) as unknown, devices: 2 }]);
      expect(timeline[0]?.apps.map((app) => app.devices)).toEqual([2, 2]);
    });

    it('notices an expiring signing certificate with the apps it signed', async () => {
      const database = context.database();
      const { clock, scanner } = setup();
      const og = await createScopedOg(database.repositories);
      const { app, certificate } = await appExpiringAt(database, og, inDays(200), 1);
      clock.set(new Date(certificate.notAfter.getTime() - 10 * 86_400_000));
      await scanner.scan();
      const notices = await database.repositories.notices.listFor(og.scope, admin);
      const forCertificate = notices.filter((notice) => notice.subjectType === 'certificate' && notice.subjectId === certificate.id);
      expect(forCertificate.map((notice) => [notice.threshold, notice.impact.apps.map((affected) => affected.appId)])).toEqual([[14, [app.id]]]);
    });
  });

  describe('visibility and dismissal', () => {
    it('shows a notice to its OG and ancestors, not to siblings', async () => {
      const database = context.database();
      const { scanner } = setup();
      const parent = await createScopedOg(database.repositories);
      const child = await createScopedOg(database.repositories, parent);
      const sibling = await createScopedOg(database.repositories, parent);
      const { profile } = await appExpiringAt(database, child, inDays(5));
      await scanner.scan();
      const sees = async (scope: typeof parent.scope) =>
        (await database.repositories.notices.listFor(scope, admin)).some((notice) => notice.subjectId === profile.id && notice.subjectType === 'profile');
      expect(await sees(parent.scope)).toBe(true);
      expect(await sees(child.scope)).toBe(true);
      expect(await sees(sibling.scope)).toBe(false);
    });

    it('hides a dismissed notice for that admin only', async () => {
      const database = context.database();
      const { scanner } = setup();
      const og = await createScopedOg(database.repositories);
      await appExpiringAt(database, og, inDays(5));
      await scanner.scan();
      const { notices } = database.repositories;
      const [first] = await notices.listFor(og.scope, admin);
      expect(first).toBeDefined();
      const id = first?.id ?? 0;
      expect(await notices.dismiss(og.scope, id, admin, NOW)).toBe(true);
      expect(await notices.dismiss(og.scope, id, admin, NOW)).toBe(true);
      expect((await notices.listFor(og.scope, admin)).map((notice) => notice.id)).not.toContain(id);
      expect((await notices.listFor(og.scope, admin, { includeDismissed: true })).find((notice) => notice.id === id)?.dismissed).toBe(true);
      expect((await notices.listFor(og.scope, { kind: 'admin', id: 2 })).map((notice) => notice.id)).toContain(id);
      const stranger = await createScopedOg(database.repositories);
      expect(await notices.dismiss(stranger.scope, id, admin, NOW)).toBe(false);
    });
  });

  describe('device notices and expiry', () => {
    it('queues one notice per device and threshold from 30 days, emailed when an address is known', async () => {
      const database = context.database();
      const { clock, scanner } = setup();
      const og = await createScopedOg(database.repositories);
      const far = await appExpiringAt(database, og, inDays(45), 1);
      const near = await appExpiringAt(database, og, inDays(29), 2, 'user@example.com');
      await scanner.scan();
      await scanner.scan();
      const outbox = async (deviceId: number) => database.repositories.deviceNotices.outbox(og.scope, deviceId, { all: true });
      expect(await outbox(far.deviceIds[0] ?? 0)).toEqual([]);
      const notices = await outbox(near.deviceIds[0] ?? 0);
      expect(notices.map((notice) => [notice.threshold, notice.emailStatus, notice.email])).toEqual([[30, 'pending', 'user@example.com']]);
      expect(notices[0]?.message).toContain(near.app.name);
      clock.advanceDays(16);
      await scanner.scan();
      expect((await outbox(near.deviceIds[1] ?? 0)).map((notice) => notice.threshold)).toEqual([30, 14]);
    });

    it('marks versions and profiles expired at expiry', async () => {
      const database = context.database();
      const { clock, scanner } = setup();
      const og = await createScopedOg(database.repositories);
      const { profile, version } = await appExpiringAt(database, og, inDays(0), 1);
      await scanner.scan();
      expect((await database.repositories.profiles.get(og.scope, profile.id))?.status).toBe('active');
      clock.advanceDays(1);
      const report = await scanner.scan();
      expect(report?.versionsMarkedExpired).toBeGreaterThanOrEqual(1);
      expect((await database.repositories.profiles.get(og.scope, profile.id))?.status).toBe('expired');
      const unable = await database.repositories.expiry.exposuresBefore(og.scope, clock.now());
      expect(unable.map((exposure) => exposure.appVersionId)).toEqual([version.id]);
    });
  });

  describe('one scanner at a time', () => {
    it('skips while another server holds the lease', async () => {
      const database = context.database();
      const { clock } = setup();
      const lease = await database.repositories.mdmLeases.acquire('expiry.scan', 'other-server', clock.now(), inDays(1, clock.now()));
      expect(lease).toBe(true);
      expect(await new ExpiryScanService({ database, clock }).scan()).toBeNull();
      await database.repositories.mdmLeases.release('expiry.scan', 'other-server');
      expect(await new ExpiryScanService({ database, clock }).scan()).not.toBeNull();
    });
  });
});
