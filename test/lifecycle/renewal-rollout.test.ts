import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet } from '../../src/simulator/index.js';
import { appFixture, codeSigner, daysFromNow, profileFor, uniqueBundleId, type ProfileFixture } from '../catalog/fixtures.js';
import { startSimulatorServer, type SimulatorServer } from '../simulator/harness.js';

/*
 * The renewal end to end: 200 simulated iPhones (each its own identity, signed bodies), three
 * apps under one profile, a fifth of the devices locked at any moment. After the renewal every
 * device holds the new profile and not the old one, and no app was reinstalled or prompted for.
 */

const DEVICES = 200;

interface Renewal {
  id: number;
  rollout: { total: number; installed: number; oldRemoved: number; waitingUnlock: number; failed: number; percent: number; complete: boolean };
}

let server: SimulatorServer;

beforeAll(async () => {
  server = await startSimulatorServer('sqlite', { trustTestPki: true, maxSockets: 8 });
});

afterAll(async () => {
  await server.close();
});

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

async function postFile<T>(path: string, fields: Record<string, string>, file: { name: string; fileName: string; bytes: Uint8Array }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(file.name, new Blob([file.bytes]), file.fileName);
  const response = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: form });
  return { status: response.status, json: (await response.json()) as T };
}

/** Wakes the fleet until `done` holds (the push sweep's job, done here without APNs). */
async function runUntil(fleet: Fleet, done: () => Promise<boolean>, passes = 30): Promise<void> {
  for (let pass = 0; pass < passes; pass++) {
    await fleet.run({ durationMs: 0, maxRetryPasses: 10, intervalMs: 0 });
    if (await done()) return;
  }
}

describe('renewal rolled out to a simulated fleet', () => {
  it('ends with every device holding the new profile and not the old one, silently', { timeout: 240_000 }, async () => {
    const signer = codeSigner();
    const prefix = uniqueBundleId('com.fleet');
    const shared: ProfileFixture = profileFor({ bundleId: `${prefix}.*`, signer, expirationDate: daysFromNow(45) });
    const bundleIds = ['mail', 'wiki', 'expenses'].map((name) => `${prefix}.${name}`);
    const versionIds: number[] = [];
    for (const bundleId of bundleIds) {
      const fixture = await appFixture({ bundleId, profile: shared, signer });
      const uploaded = await postFile<{ version: { id: number } }>('/apps', { og: String(server.ogId) }, { name: 'ipa', fileName: 'App.ipa', bytes: fixture.ipa });
      expect(uploaded.status, JSON.stringify(uploaded.json)).toBe(201);
      versionIds.push(uploaded.json.version.id);
    }

    const fleet = new Fleet({ devices: DEVICES, concurrency: 16, transport: server.transport, serverOrigin: server.url, lockedRatio: 0.2, supervised: true });
    const enrolled = await fleet.enroll(server.enrollmentProfile);
    expect(enrolled).toMatchObject({ enrolled: DEVICES, failed: 0 });
    for (const versionId of versionIds) {
      const install = await api<{ queued: number }>('POST', `/app-versions/${versionId}/install`, { target: { ogId: server.ogId } });
      expect(install.status).toBe(202);
    }
    const holdsAllApps = () => fleet.devices.every((device) => bundleIds.every((bundleId) => device.apps.get(bundleId) !== undefined));
    await runUntil(fleet, () => Promise.resolve(holdsAllApps() && fleet.devices.every((device) => device.profiles.has(shared.uuid))));
    expect(holdsAllApps()).toBe(true);
    const before = fleet.report();

    const replacement = profileFor({ bundleId: `${prefix}.*`, signer, expirationDate: daysFromNow(400) });
    const profiles = await api<{ items: { id: number; uuid: string }[] }>('GET', `/profiles?og=${server.ogId}`);
    const profileId = profiles.json.items.find((profile) => profile.uuid === shared.uuid)?.id ?? 0;
    const applied = await postFile<Renewal>(`/profiles/${profileId}/renewals`, { applyToAllApps: 'true' }, { name: 'profile', fileName: 'Renewed.mobileprovision', bytes: replacement.bytes });
    expect(applied.status).toBe(201);
    expect(applied.json.rollout.total).toBe(DEVICES);

    const progress = async () => (await api<Renewal>('GET', `/renewals/${applied.json.id}`)).json.rollout;
    await runUntil(fleet, async () => (await progress()).complete);

    const rollout = await progress();
    expect(rollout).toMatchObject({ total: DEVICES, installed: DEVICES, oldRemoved: DEVICES, failed: 0, percent: 100, complete: true });
    expect(fleet.devices.every((device) => device.profiles.has(replacement.uuid) && !device.profiles.has(shared.uuid))).toBe(true);
    const after = fleet.report();
    expect(after.notNow).toBeGreaterThan(before.notNow);
    expect(after.reinstalls - before.reinstalls).toBe(0);
    expect(after.prompts - before.prompts).toBe(0);
    expect(after.commandsFailed).toBe(0);
    // Every device can still open every app: the new profile covers them.
    expect(fleet.devices.every((device) => bundleIds.every((bundleId) => device.canOpen(bundleId)))).toBe(true);

    const installed = await api<{ items: unknown[]; nextCursor: string | null }>('GET', `/renewals/${applied.json.id}/devices?state=installed&limit=500`);
    expect(installed.json.items).toHaveLength(DEVICES);
    const active = await api<Renewal[]>('GET', '/renewals?state=active');
    expect(active.json.map((renewal) => renewal.id)).not.toContain(applied.json.id);

    // A device enrolled after the renewal, installing one of the apps, gets only the new profile.
    const latecomer = new Fleet({ devices: 1, concurrency: 1, transport: server.transport, serverOrigin: server.url, supervised: true });
    await latecomer.enroll(server.enrollmentProfile);
    const [device] = latecomer.devices;
    const found = await api<{ items: { id: number }[] }>('GET', `/devices?search=${device?.udid ?? ''}`);
    const deviceIds = found.json.items.map((item) => item.id);
    expect(deviceIds).toHaveLength(1);
    expect((await api('POST', `/app-versions/${versionIds[0] ?? 0}/install`, { target: { deviceIds } })).status).toBe(202);
    await runUntil(latecomer, () => Promise.resolve(device?.apps.get(bundleIds[0] ?? '') !== undefined));
    expect(device?.profiles.has(replacement.uuid)).toBe(true);
    expect(device?.profiles.has(shared.uuid)).toBe(false);
  });
});
