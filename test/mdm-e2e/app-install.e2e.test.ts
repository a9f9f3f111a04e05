import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollmentProfileDownloader, Fleet, HttpTransport, type VirtualDevice } from '../../src/simulator/index.js';
import { withMdmTables } from '../../src/store/mdm-sql.js';
import { appFixture, codeSigner, profileFor, uploadApp } from '../catalog/fixtures.js';
import { call } from '../http/fixtures.js';
import { seededRandom, startE2eServer, type E2eServer } from './harness.js';

const DEVICES = 50;
const LOCKED_RATIO = 0.3;
const BUNDLE_ID = 'com.acme.fieldservice';
const SHORT_VERSION = '3.2';
const INSTALLS = ['InstallProvisioningProfile', 'InstallApplication'];

interface DeviceDetail {
  id: number;
  udid: string;
  installations: { bundleId: string; appVersionId: number | null; shortVersion: string | null }[];
  profiles: { uuid: string; profileId: number | null }[];
}

interface QueueEntry {
  requestType: string;
  status: string;
}

let server: E2eServer;
let transport: HttpTransport;
let fleet: Fleet;
/** The uploaded version and the profile it runs under, which the app does not embed: only the install delivers it. */
let versionId: number;
let profile: { id: number; uuid: string };
const deviceIds = new Map<string, number>();

beforeAll(async () => {
  server = await startE2eServer();
  transport = new HttpTransport({ maxSockets: 8 });
  fleet = new Fleet({ devices: DEVICES, concurrency: 8, transport, serverOrigin: server.url, lockedRatio: LOCKED_RATIO, random: seededRandom(20260301) });
});

afterAll(async () => {
  transport.close();
  await server.close();
});

async function api<T>(method: 'GET' | 'POST', url: string, body?: object): Promise<T> {
  const response = await call(server.app, server.agent, method, url, body);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json<T>();
}

const detailOf = (device: VirtualDevice) => api<DeviceDetail>('GET', `/api/v1/devices/${deviceIds.get(device.udid)}`);
const queueOf = async (device: VirtualDevice) => (await api<{ items: QueueEntry[] }>('GET', `/api/v1/devices/${deviceIds.get(device.udid)}/commands`)).items;

describe(`an internal app installed on ${DEVICES} simulated devices`, () => {
  it('uploads the app with its profile', async () => {
    const signer = codeSigner();
    const fixture = await appFixture({ bundleId: BUNDLE_ID, shortVersion: SHORT_VERSION, displayName: 'Field Service', signer, profile: null });
    const uploadedProfile = profileFor({ bundleId: BUNDLE_ID, signer });
    const response = await uploadApp(server.app, server.agent, { og: server.ogId, ipa: fixture.ipa, profile: uploadedProfile.bytes });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{ version: { id: number; bundles: { profile: { id: number; uuid: string } }[] } }>();
    versionId = body.version.id;
    expect(body.version.bundles.map((bundle) => bundle.profile.uuid)).toEqual([uploadedProfile.uuid]);
    profile = body.version.bundles[0]!.profile;
  });

  it('enrolls every device through an enrollment profile, each with its own identity', async () => {
    const download = enrollmentProfileDownloader(transport, { server: server.url, token: server.token, og: server.ogId });
    expect(await fleet.enroll(download)).toEqual({ enrolled: DEVICES, failed: 0, failures: [] });
    const devices = await api<{ items: { id: number; udid: string }[] }>('GET', `/api/v1/devices?og=${server.ogId}&limit=100`);
    for (const device of devices.items) deviceIds.set(device.udid, device.id);
    expect(fleet.devices.every((device) => deviceIds.has(device.udid))).toBe(true);
  });

  it('queues the profile and the app for every device of the OG and pushes each one', async () => {
    const installed = await api<{ commands: { requestType: string; queued: number }[] }>('POST', `/api/v1/app-versions/${versionId}/install`, {
      target: { ogId: server.ogId },
    });
    expect(installed.commands).toEqual([
      expect.objectContaining({ requestType: 'InstallProvisioningProfile', queued: DEVICES }),
      expect.objectContaining({ requestType: 'InstallApplication', queued: DEVICES }),
    ]);
    const tokens = await withMdmTables(server.database.kysely).selectFrom('mdm_enrollments').select('push_token').execute();
    expect(tokens).toHaveLength(DEVICES);
    await expect.poll(() => new Set(server.pushes.pushes.map((push) => push.token)).size).toBe(DEVICES);
    expect(new Set(server.pushes.pushes.map((push) => push.token))).toEqual(new Set(tokens.map((row) => row.push_token)));
  });

  it('installs on every device, the locked ones once they connect again after saying NotNow', async () => {
    // The pushes wake every device once: the locked share answers NotNow to both installs.
    await fleet.wake();
    const locked = fleet.devices.filter((device) => device.wantsToConnect);
    expect(locked.length).toBeGreaterThan(0);
    expect(locked.length).toBeLessThan(DEVICES);
    for (const device of locked) {
      expect(device.apps.get(BUNDLE_ID)).toBeUndefined();
      expect(device.profiles.has(profile.uuid)).toBe(false);
    }
    expect((await queueOf(locked[0]!)).map((entry) => entry.status)).toEqual(['not_now', 'not_now']);

    // iOS connects again by itself once unlocked; some stay locked a few times over.
    await fleet.run({ durationMs: 0, maxRetryPasses: 30 });
    expect(fleet.devices.filter((device) => device.wantsToConnect)).toEqual([]);
    for (const device of fleet.devices) {
      expect(device.apps.get(BUNDLE_ID), device.udid).toMatchObject({ bundleId: BUNDLE_ID, version: SHORT_VERSION, installs: 1 });
      expect(device.profiles.has(profile.uuid), device.udid).toBe(true);
      expect(device.canOpen(BUNDLE_ID), device.udid).toBe(true);
    }
    for (const device of locked) {
      const answered = (await queueOf(device)).filter((entry) => INSTALLS.includes(entry.requestType));
      expect(answered.map((entry) => entry.status)).toEqual(['acknowledged', 'acknowledged']);
    }
    const report = fleet.report();
    expect(report.notNow).toBeGreaterThanOrEqual(2 * locked.length);
    expect(report).toMatchObject({ devices: DEVICES, enrolled: DEVICES, errors: 0, commandsFailed: 0, repeatedAfterNotNow: 0, reinstalls: 0 });
  });

  it('shows in the inventory of every device the app version and the profile the device holds', async () => {
    for (const device of fleet.devices) {
      const detail = await detailOf(device);
      expect(detail.installations, device.udid).toEqual([expect.objectContaining({ bundleId: BUNDLE_ID, appVersionId: versionId, shortVersion: SHORT_VERSION })]);
      const held = device.profiles.list().map((entry) => entry.uuid);
      expect(detail.profiles.map((entry) => entry.uuid).sort(), device.udid).toEqual([...held].sort());
      expect(detail.profiles, device.udid).toEqual(expect.arrayContaining([expect.objectContaining({ uuid: profile.uuid, profileId: profile.id })]));
    }
  });
});
