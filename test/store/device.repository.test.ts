import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeviceCheckIn } from '../../src/store/device.repository.js';
import { createApp, createProfile, createScopedOg, day, defined, uniqueName, versionInput } from './builders.js';
import type { ScopedOg } from './builders.js';
import { forEachDatabase } from './harness.js';
import { collectAll } from './paging.js';

function checkIn(og: ScopedOg, overrides: Partial<DeviceCheckIn> = {}): DeviceCheckIn {
  return { udid: uniqueName('udid'), ogId: og.og.id, seenAt: day(0), ...overrides };
}

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  async function enroll(og: ScopedOg, overrides: Partial<DeviceCheckIn> = {}) {
    return defined(await repositories().devices.upsert(og.scope, checkIn(og, overrides)), 'device');
  }

  describe('upsert', () => {
    it('inserts a new device, enrolled when first seen', async () => {
      const acme = await createScopedOg(repositories());
      const device = await enroll(acme, { name: "Ann's iPhone", model: 'iPhone15,2', seenAt: day(3) });
      expect(device).toMatchObject({ ogId: acme.og.id, name: "Ann's iPhone", model: 'iPhone15,2', enrolledAt: day(3), lastSeenAt: day(3), serialNumber: undefined });
      expect(await repositories().devices.findByUdid(acme.scope, device.udid)).toEqual(device);
    });

    it('updates a known device: given fields change, absent ones stay, its OG stays', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const first = await enroll(east, { name: 'Old name', serialNumber: 'F2LXK1', osVersion: '17.4' });
      const again = await repositories().devices.upsert(acme.scope, { udid: first.udid, ogId: acme.og.id, seenAt: day(9), osVersion: '17.5' });
      expect(again).toEqual({ ...first, osVersion: '17.5', lastSeenAt: day(9) });
      const reenrolled = await repositories().devices.upsert(acme.scope, { udid: first.udid, ogId: east.og.id, seenAt: day(12), enrolledAt: day(12) });
      expect(reenrolled).toMatchObject({ id: first.id, enrolledAt: day(12), name: 'Old name' });
    });

    it('is idempotent', async () => {
      const acme = await createScopedOg(repositories());
      const input = checkIn(acme, { name: 'iPad', userEmail: 'ann@acme.example' });
      const first = await repositories().devices.upsert(acme.scope, input);
      expect(await repositories().devices.upsert(acme.scope, input)).toEqual(first);
      expect((await repositories().devices.list(acme.scope)).items).toEqual([first]);
    });

    it('never touches a device outside the scope, even by UDID', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const device = await enroll(acme, { name: 'Acme device' });
      expect(await repositories().devices.upsert(globex.scope, { udid: device.udid, ogId: globex.og.id, seenAt: day(5), name: 'Stolen' })).toBeUndefined();
      expect(await repositories().devices.upsert(globex.scope, checkIn(acme))).toBeUndefined();
      expect(await repositories().devices.get(acme.scope, device.id)).toEqual(device);
      expect(await repositories().devices.findByUdid(globex.scope, device.udid)).toBeUndefined();
      expect(await repositories().devices.touch(globex.scope, device.id, day(8))).toBe(false);
      expect(await repositories().devices.move(globex.scope, device.id, globex.og.id)).toBeUndefined();
    });
  });

  describe('move and touch', () => {
    it('moves a device within the scope and notes check-ins', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const device = await enroll(acme);
      expect(await repositories().devices.move(acme.scope, device.id, east.og.id)).toMatchObject({ ogId: east.og.id });
      expect(await repositories().devices.touch(east.scope, device.id, day(20))).toBe(true);
      expect(await repositories().devices.get(east.scope, device.id)).toMatchObject({ lastSeenAt: day(20) });
    });
  });

  describe('list', () => {
    it('pages by last check-in through ties, and by UDID', async () => {
      const acme = await createScopedOg(repositories());
      const seen = [5, 9, 5, 7, 9, 5];
      const devices = [];
      for (const seenAt of seen) devices.push(await enroll(acme, { seenAt: day(seenAt) }));
      const ids = devices.map((device) => device.id);
      const listed = await collectAll((page) => repositories().devices.list(acme.scope, {}, 'lastSeen', { ...page, limit: 4 }));
      expect(listed.map((device) => device.id)).toEqual([ids[4], ids[1], ids[3], ids[5], ids[2], ids[0]]);
      const byUdid = await collectAll((page) => repositories().devices.list(acme.scope, {}, 'udid', { ...page, limit: 4 }));
      expect(byUdid.map((device) => device.udid)).toEqual(devices.map((device) => device.udid).sort());
    });

    it('filters by text, model, installed app and held profile', async () => {
      const acme = await createScopedOg(repositories());
      const ann = await enroll(acme, { name: "Ann's iPhone", model: 'iPhone15,2', userName: 'ann' });
      const bob = await enroll(acme, { name: 'Warehouse iPad', model: 'iPad13,1', serialNumber: 'DMPXYZ123' });
      const { devices } = repositories();
      await devices.recordInstallations(acme.scope, ann.id, [{ bundleId: 'com.acme.sales' }], day(1));
      const uuid = randomUUID();
      await devices.recordProfiles(acme.scope, bob.id, [{ uuid }], day(1));
      const ids = async (filter: Parameters<typeof devices.list>[1]) => (await devices.list(acme.scope, filter)).items.map((d) => d.id);
      expect(await ids({ search: "ANN'S" })).toEqual([ann.id]);
      expect(await ids({ search: 'dmpxyz' })).toEqual([bob.id]);
      expect(await ids({ model: 'iPad13,1' })).toEqual([bob.id]);
      expect(await ids({ installedBundleId: 'com.acme.sales' })).toEqual([ann.id]);
      expect(await ids({ holdingProfileUuid: uuid })).toEqual([bob.id]);
    });
  });

  describe('reports', () => {
    it('replaces the installed apps with each report, idempotently', async () => {
      const acme = await createScopedOg(repositories());
      const device = await enroll(acme);
      const app = await createApp(repositories(), acme);
      const { profile } = await createProfile(repositories(), acme);
      const version = defined(await repositories().appVersions.add(acme.scope, app.id, versionInput([{ bundleId: app.bundleId, profileId: profile.id }])));
      const { devices } = repositories();
      const report = [
        { bundleId: app.bundleId, appVersionId: version.id, shortVersion: '1.0', bundleVersion: '1' },
        { bundleId: 'com.apple.store', shortVersion: '1.0' },
        { bundleId: 'com.apple.store', shortVersion: '2.0' },
      ];
      expect(await devices.recordInstallations(acme.scope, device.id, report, day(2))).toBe(true);
      expect(await devices.recordInstallations(acme.scope, device.id, report, day(2))).toBe(true);
      expect(await devices.installations(acme.scope, device.id)).toEqual([
        { deviceId: device.id, bundleId: app.bundleId, appVersionId: version.id, shortVersion: '1.0', bundleVersion: '1', reportedAt: day(2) },
        { deviceId: device.id, bundleId: 'com.apple.store', appVersionId: undefined, shortVersion: '2.0', bundleVersion: undefined, reportedAt: day(2) },
      ]);
      await devices.recordInstallations(acme.scope, device.id, [{ bundleId: app.bundleId, shortVersion: '1.1' }], day(3));
      expect(await devices.installations(acme.scope, device.id)).toEqual([
        { deviceId: device.id, bundleId: app.bundleId, appVersionId: undefined, shortVersion: '1.1', bundleVersion: undefined, reportedAt: day(3) },
      ]);
      await devices.recordInstallations(acme.scope, device.id, [], day(4));
      expect(await devices.installations(acme.scope, device.id)).toEqual([]);
    });

    it('replaces the installed profiles with each report', async () => {
      const acme = await createScopedOg(repositories());
      const device = await enroll(acme);
      const [kept, dropped] = [randomUUID(), randomUUID()];
      const { devices } = repositories();
      await devices.recordProfiles(acme.scope, device.id, [{ uuid: kept, name: 'Acme', expiresAt: day(100) }, { uuid: dropped }], day(1));
      await devices.recordProfiles(acme.scope, device.id, [{ uuid: kept, name: 'Acme renewed', expiresAt: day(465) }], day(2));
      expect(await devices.profiles(acme.scope, device.id)).toEqual([
        { deviceId: device.id, profileUuid: kept, name: 'Acme renewed', expiresAt: day(465), reportedAt: day(2) },
      ]);
    });

    it('refuses reports for devices outside the scope and unknown app versions, applying none of them', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const device = await enroll(acme);
      const { devices } = repositories();
      const profile = randomUUID();
      await devices.recordInstallations(acme.scope, device.id, [{ bundleId: 'com.acme.kept' }], day(1));
      await devices.recordProfiles(acme.scope, device.id, [{ uuid: profile }], day(1));
      expect(await devices.recordInstallations(globex.scope, device.id, [{ bundleId: 'x' }], day(2))).toBe(false);
      expect(await devices.recordProfiles(globex.scope, device.id, [{ uuid: randomUUID() }], day(2))).toBe(false);
      expect(await devices.installations(globex.scope, device.id)).toBeUndefined();
      expect(await devices.profiles(globex.scope, device.id)).toBeUndefined();
      // Nothing of the refused reports was applied, not even the removal of what they left out.
      expect((await devices.installations(acme.scope, device.id))?.map((row) => row.bundleId)).toEqual(['com.acme.kept']);
      expect((await devices.profiles(acme.scope, device.id))?.map((row) => row.profileUuid)).toEqual([profile]);
      await expect(devices.recordInstallations(acme.scope, device.id, [{ bundleId: 'x', appVersionId: 987_654_321 }], day(3))).rejects.toMatchObject({
        code: 'store.missing_reference',
      });
      expect((await devices.installations(acme.scope, device.id))?.map((row) => row.bundleId)).toEqual(['com.acme.kept']);
    });
  });
});
