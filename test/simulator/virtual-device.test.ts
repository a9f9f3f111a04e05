import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppManifest, buildCommand, INVENTORY_QUERIES } from '../../src/mdm/commands/index.js';
import { parseCommandResponse } from '../../src/mdm/protocol/index.js';
import {
  VirtualDevice,
  makeDeviceFacts,
  type DeviceTransport,
} from '../../src/simulator/index.js';
import { buildIpa } from '../../src/testkit/ipa/index.js';
import { buildProfile } from '../../src/testkit/profile/index.js';
import { CDN_ORIGIN, withCdn } from './cdn.js';
import { startSimulatorServer, type SimulatorServer } from './harness.js';

const DAY_MS = 86_400_000;
const BUNDLE_ID = 'com.example.fieldservice';
const created = new Date(Date.now() - 10 * DAY_MS);
const appProfile = { bundleId: BUNDLE_ID, name: 'Field Service', creationDate: created, expirationDate: new Date(created.getTime() + 40 * DAY_MS) };

let server: SimulatorServer;
let cdn: DeviceTransport & { readonly fetched: string[] };

beforeAll(async () => {
  server = await startSimulatorServer();
  const embedded = buildProfile({ ...appProfile, uuid: '0A6C9E8B-0F6B-4E55-9B1B-1F3B5C7D9E01' });
  const ipa = await buildIpa({ bundleId: BUNDLE_ID, shortVersion: '2.4', displayName: 'Field Service', profile: embedded });
  const manifest = buildAppManifest({ ipaUrl: `${CDN_ORIGIN}/fieldservice.ipa`, bundleIdentifier: BUNDLE_ID, bundleVersion: '2.4', title: 'Field Service' });
  cdn = withCdn(server.transport, new Map([['/fieldservice.plist', manifest], ['/fieldservice.ipa', ipa]]));
});

afterAll(async () => {
  await server.close();
});

async function enrolledDevice(index: number): Promise<VirtualDevice> {
  const device = new VirtualDevice({ facts: makeDeviceFacts(index), transport: cdn, serverOrigin: server.url });
  await device.enroll(await server.enrollmentProfile());
  return device;
}

async function deviceRecord(udid: string) {
  const { ogs, devices } = server.database.repositories;
  return devices.findByUdid(await ogs.rootScope(), udid);
}

async function history(udid: string) {
  const { ogs, mdmQueue } = server.database.repositories;
  const record = await deviceRecord(udid);
  if (!record) throw new Error(`${udid} is unknown to the server`);
  return (await mdmQueue.history(await ogs.rootScope(), record.id)).items;
}

const installApp = () => buildCommand('InstallApplication', { manifestUrl: `${CDN_ORIGIN}/fieldservice.plist`, identifier: BUNDLE_ID });

describe('VirtualDevice against a real server', () => {
  it('enrolls with its own identity: Authenticate and TokenUpdate put it in the OG', async () => {
    const device = await enrolledDevice(0);
    const record = await deviceRecord(device.udid);
    expect(record).toMatchObject({ udid: device.udid, ogId: server.ogId, serialNumber: device.facts.serialNumber });
    expect(device.stats.errors).toBe(0);
  });

  it('receives commands in one connection and acknowledges each with a truthful answer', async () => {
    const device = await enrolledDevice(1);
    const information = buildCommand('DeviceInformation', { queries: [...INVENTORY_QUERIES] });
    await server.enqueue(information, [device.udid]);
    await server.enqueue(buildCommand('ManagedApplicationList', {}), [device.udid]);
    const outcome = await device.wake();
    expect(outcome).toMatchObject({ completed: true, locked: false, notNow: 0 });
    expect(device.stats.commandsReceived).toBeGreaterThanOrEqual(2);
    expect(device.stats.commandsAcknowledged).toBe(device.stats.commandsReceived);
    const answered = (await history(device.udid)).find((entry) => entry.commandUuid === information.commandUuid);
    expect(answered?.status).toBe('acknowledged');
    const response = parseCommandResponse(answered!.result!);
    expect(response).toMatchObject({ status: 'Acknowledged', udid: device.udid });
    expect(JSON.stringify(response)).toContain(device.facts.serialNumber);
  });

  it('answers NotNow to a profile install while locked and installs it on the next connection, silently', async () => {
    const device = await enrolledDevice(2);
    const renewed = buildProfile({ ...appProfile, uuid: 'B1D2E3F4-0000-4000-8000-00000000A001', expirationDate: new Date(Date.now() + 300 * DAY_MS) });
    const install = buildCommand('InstallProvisioningProfile', { profile: renewed });
    await server.enqueue(install, [device.udid]);

    device.setLocked(true);
    expect(await device.wake()).toMatchObject({ locked: true, notNow: 1, completed: true });
    expect(device.profiles.has('B1D2E3F4-0000-4000-8000-00000000A001')).toBe(false);
    expect(device.wantsToConnect).toBe(true);

    device.setLocked(false);
    await device.wake();
    expect(device.profiles.has('B1D2E3F4-0000-4000-8000-00000000A001')).toBe(true);
    expect(device.stats.repeatedAfterNotNow).toBe(0);
    expect(device.prompts).toEqual([]);
    expect((await history(device.udid)).find((entry) => entry.commandUuid === install.commandUuid)?.status).toBe('acknowledged');

    // Installing the same profile again is not an error.
    await server.enqueue(buildCommand('InstallProvisioningProfile', { profile: renewed }), [device.udid]);
    await device.wake();
    expect(device.stats.commandsFailed).toBe(0);
  });

  it('reports installs and removals in ProvisioningProfileList', async () => {
    const device = await enrolledDevice(3);
    const first = buildProfile({ ...appProfile, uuid: 'C0000000-0000-4000-8000-000000000001' });
    const second = buildProfile({ ...appProfile, uuid: 'C0000000-0000-4000-8000-000000000002' });
    await server.enqueue(buildCommand('InstallProvisioningProfile', { profile: first }), [device.udid]);
    await server.enqueue(buildCommand('InstallProvisioningProfile', { profile: second }), [device.udid]);
    await server.enqueue(buildCommand('RemoveProvisioningProfile', { uuid: 'C0000000-0000-4000-8000-000000000001' }), [device.udid]);
    const list = buildCommand('ProvisioningProfileList', {});
    await server.enqueue(list, [device.udid]);
    await device.wake();

    const answer = (await history(device.udid)).find((entry) => entry.commandUuid === list.commandUuid);
    const text = new TextDecoder().decode(answer?.result);
    expect(text).toContain('C0000000-0000-4000-8000-000000000002');
    expect(text).not.toContain('C0000000-0000-4000-8000-000000000001');
    expect(device.profiles.list().map((profile) => profile.uuid)).toEqual(['C0000000-0000-4000-8000-000000000002']);
  });

  it('installs an app from its manifest, then cannot open it once its profile expires or is removed', async () => {
    const device = await enrolledDevice(4);
    await server.enqueue(installApp(), [device.udid]);
    await device.wake();
    expect(cdn.fetched).toContain(`${CDN_ORIGIN}/fieldservice.ipa`);
    expect(device.apps.get(BUNDLE_ID)).toMatchObject({ version: '2.4', installs: 1 });
    // The embedded profile came with the app, as on iOS.
    expect(device.canOpen(BUNDLE_ID, new Date())).toBe(true);
    expect(device.canOpen(BUNDLE_ID, new Date(appProfile.expirationDate.getTime() + 1000))).toBe(false);
    expect(device.canOpen('com.example.other', new Date())).toBe(false);
    // An unsupervised device asked its user once, for the first install.
    expect(device.prompts).toHaveLength(1);

    await server.enqueue(buildCommand('RemoveProvisioningProfile', { uuid: '0A6C9E8B-0F6B-4E55-9B1B-1F3B5C7D9E01' }), [device.udid]);
    await device.wake();
    expect(device.canOpen(BUNDLE_ID, new Date())).toBe(false);
    expect(device.apps.reinstalls).toBe(0);
  });

  it('counts a second install of the same app as a reinstall and answers NotNow to it while locked', async () => {
    const device = await enrolledDevice(5);
    await server.enqueue(installApp(), [device.udid]);
    await device.wake();
    device.setLocked(true);
    await server.enqueue(installApp(), [device.udid]);
    expect(await device.wake()).toMatchObject({ notNow: 1 });
    device.setLocked(false);
    await device.wake();
    expect(device.apps.reinstalls).toBe(1);
    expect(device.apps.get(BUNDLE_ID)?.installs).toBe(2);
  });
});
