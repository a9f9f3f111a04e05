import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Device } from '../../src/domain/model.js';
import { adminAgent, call, createOg } from '../http/fixtures.js';
import { appFixture, uploadApp } from './fixtures.js';
import { forEachCatalogApp } from './harness.js';

interface DeviceBody {
  id: number;
  udid: string;
  name: string | null;
}

interface DeviceDetailBody extends DeviceBody {
  installations: { bundleId: string; appId: number | null; appVersionId: number | null; shortVersion: string | null }[];
  profiles: { uuid: string; profileId: number | null; name: string | null; expiresAt: string | null }[];
}

forEachCatalogApp((context) => {
  const app = () => context.app();

  /** A device enrolled in `ogId`, as an MDM check-in would record it. */
  async function enroll(ogId: number, name: string, seenAt = new Date()): Promise<Device> {
    const { devices, ogs } = context.database().repositories;
    const udid = `00008030-${randomBytes(8).toString('hex').toUpperCase()}`;
    const serialNumber = `F${randomBytes(5).toString('hex')}`;
    const device = await devices.upsert(await ogs.rootScope(), { udid, ogId, seenAt, name, model: 'iPhone15,2', serialNumber });
    if (device === undefined) throw new Error('the OG vanished');
    return device;
  }

  it('lists devices of the group, most recently seen first, with search', async () => {
    const og = await createOg(context.database());
    const { agent } = await adminAgent(app(), context.database(), og.id, 'read-only');
    await enroll(og.id, 'Ann’s iPhone', new Date(Date.now() - 60_000));
    await enroll(og.id, 'Bob’s iPad');
    const names = async (query: string) =>
      (await call(app(), agent, 'GET', `/api/v1/devices${query}`)).json<{ items: DeviceBody[] }>().items.map((item) => item.name);
    expect(await names('')).toEqual(['Bob’s iPad', 'Ann’s iPhone']);
    expect(await names('?search=ipad')).toEqual(['Bob’s iPad']);
    expect(await names('?sort=udid&limit=1')).toHaveLength(1);
  });

  it('shows a device with its installed apps and profiles, matched to the catalog', async () => {
    const og = await createOg(context.database());
    const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
    const fixture = await appFixture({ shortVersion: '3.1' });
    const response = await uploadApp(app(), agent, { og: og.id, ipa: fixture.ipa });
    const uploaded = response.json<{ app: { id: number }; version: { id: number; bundles: { profile: { id: number } }[] } }>();
    const device = await enroll(og.id, 'Field iPhone');
    const { devices, ogs } = context.database().repositories;
    const root = await ogs.rootScope();
    const reportedAt = new Date();
    await devices.recordInstallations(root, device.id, [
      { bundleId: fixture.bundleId, appVersionId: uploaded.version.id, shortVersion: '3.1', bundleVersion: '1' },
      { bundleId: 'com.apple.mobilesafari' },
    ], reportedAt);
    await devices.recordProfiles(root, device.id, [
      { uuid: fixture.profile?.uuid ?? '', name: fixture.profile?.name, expiresAt: new Date('2030-01-01T00:00:00Z') },
      { uuid: 'UNKNOWN-UUID' },
    ], reportedAt);
    const detail = await call(app(), agent, 'GET', `/api/v1/devices/${device.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json<DeviceDetailBody>();
    expect(body).toMatchObject({ id: device.id, udid: device.udid, name: 'Field iPhone' });
    expect(body.installations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ bundleId: fixture.bundleId, appId: uploaded.app.id, appVersionId: uploaded.version.id }),
        expect.objectContaining({ bundleId: 'com.apple.mobilesafari', appId: null, appVersionId: null }),
      ]),
    );
    const profileId = uploaded.version.bundles[0]?.profile.id;
    expect(body.profiles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ uuid: fixture.profile?.uuid, profileId, expiresAt: '2030-01-01T00:00:00.000Z' }),
        expect.objectContaining({ uuid: 'UNKNOWN-UUID', profileId: null, name: null }),
      ]),
    );
  });

  describe('a device that does not exist', () => {
    it('is not found', async () => {
      const og = await createOg(context.database());
      const { agent } = await adminAgent(app(), context.database(), og.id, 'read-only');
      expect((await call(app(), agent, 'GET', '/api/v1/devices/999999999')).statusCode).toBe(404);
    });
  });
});
