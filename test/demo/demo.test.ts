import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/load-server-config.js';
import { DemoApi, type DemoApiError } from '../../src/demo/demo-api.js';
import { startDemo, type DemoWorld } from '../../src/demo/start-demo.js';
import { DEMO_PASSWORD } from '../../src/demo/world-plan.js';
import { startServer } from '../../src/http/server.js';

const DEVICES = 10;

interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
interface OgNode {
  readonly id: number;
  readonly name: string;
  readonly children: OgNode[];
}
interface AppRow {
  readonly id: number;
  readonly name: string;
  readonly ogId: number;
  readonly daysLeft: number | null;
  readonly installCount: number;
}
interface QueueEntry {
  readonly commandUuid: string;
  readonly status: string;
}
interface Renewal {
  readonly id: number;
  readonly apps: Array<{ readonly name: string }>;
  readonly rollout: { readonly total: number; readonly installed: number; readonly oldRemoved: number; readonly percent: number; readonly complete: boolean };
}

/** Devices under the shared profile: every north device has Field Service and Timesheets. */
const RENEWAL_DEVICES = DEVICES / 2;
/** Ample for a handful of devices that check in every few seconds; a stuck rollout fails well before the test's own timeout. */
const ROLLOUT_TIMEOUT_MS = 90_000;

/**
 * `npm run demo`'s world, started in-process with ten devices: what a newcomer sees in the
 * console must be there, and the demo CA must stay a demo-only trust anchor.
 */
describe('demo mode', { timeout: 120_000 }, () => {
  let dataDir: string;
  let world: DemoWorld;
  let admin: DemoApi;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-demo-'));
    world = await startDemo({ dataDir, port: 0, devices: DEVICES });
    admin = await DemoApi.login(world.url, 'admin', DEMO_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await world?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const apps = async () => (await admin.get<Page<AppRow>>('/apps?limit=100')).items;

  it('builds a company with two regions', async () => {
    const tree = await admin.get<OgNode>('/ogs/tree');
    const company = tree.children.find((og) => og.name === 'Acme');
    expect(company?.children.map((og) => og.name).sort()).toEqual(['Region North', 'Region South']);
  });

  it('gives every region an admin and a read-only admin who see only their region', async () => {
    const north = world.ogs.regions.north;
    for (const [username, canWrite] of [['north-admin', true], ['north-viewer', false]] as const) {
      const session = await DemoApi.login(world.url, username, DEMO_PASSWORD);
      const visible = (await session.get<Page<AppRow>>('/apps?limit=100')).items;
      expect(visible.length).toBeGreaterThan(0);
      expect(visible.every((app) => app.ogId === north)).toBe(true);
      await expect(session.post('/ogs', { parentId: north, name: 'Not allowed' })).rejects.toMatchObject({ status: 403 });
      const command = session.post('/commands', { command: { requestType: 'ProvisioningProfileList' }, target: { ogId: north } }, 202);
      if (canWrite) await expect(command).resolves.toMatchObject({ queued: DEVICES / 2 });
      else await expect(command).rejects.toMatchObject({ status: 403 });
    }
  });

  it('has apps expiring in 10, 45 and 200 days and one already expired', async () => {
    const daysLeft = Object.fromEntries((await apps()).map((app) => [app.name, app.daysLeft]));
    expect(daysLeft).toMatchObject({ 'Field Service': 45, Timesheets: 45, Inventory: 45, 'Safety Checklist': 200, 'Shift Roster': 10 });
    expect(daysLeft['Visit Planner']).toBeLessThan(0);
  });

  it('shares one enterprise profile between three apps', async () => {
    const profile = await admin.get<{ type: string; daysLeft: number; sharedBy: Array<{ appName: string }> }>(`/profiles/${world.sharedProfileId}`);
    expect(profile.type).toBe('enterprise');
    expect(profile.daysLeft).toBe(45);
    expect(profile.sharedBy.map((usage) => usage.appName).sort()).toEqual(['Field Service', 'Inventory', 'Timesheets']);
  });

  it('enrolls the devices across the regions and installs the apps through MDM', async () => {
    const devices = (await admin.get<Page<{ id: number; ogId: number }>>('/devices?limit=100')).items;
    expect(devices).toHaveLength(DEVICES);
    expect(new Set(devices.map((device) => device.ogId)).size).toBe(2);
    const installs = Object.fromEntries((await apps()).map((app) => [app.name, app.installCount]));
    // Half the fleet per region; Inventory on 60% and Safety Checklist on 80% of the north.
    expect(installs).toEqual({ 'Field Service': 5, Timesheets: 5, Inventory: 3, 'Safety Checklist': 4, 'Shift Roster': 5, 'Visit Planner': 0 });
    const north = devices.find((device) => device.ogId === devices[0]?.ogId);
    const detail = await admin.get<{ installations: unknown[]; profiles: unknown[] }>(`/devices/${north?.id}`);
    expect(detail.installations.length).toBeGreaterThan(0);
    expect(detail.profiles.length).toBeGreaterThan(0);
  });

  it('ran the expiry scan, so the bell has notices', async () => {
    const notices = await admin.get<Array<{ subjectName: string; thresholdDays: number }>>('/notices');
    expect(notices).toEqual(expect.arrayContaining([expect.objectContaining({ subjectName: 'Acme Field Apps', thresholdDays: 60 })]));
    expect(notices.some((notice) => notice.thresholdDays === 0)).toBe(true);
  });

  it('keeps the fleet running: devices answer a command as soon as it is pushed', async () => {
    const north = world.ogs.regions.north;
    const queued = await admin.post<{ commandUuid: string; queued: number }>('/commands', { command: { requestType: 'ProvisioningProfileList' }, target: { ogId: north } }, 202);
    expect(queued.queued).toBe(DEVICES / 2);
    const northDevices = (await admin.get<Page<{ id: number }>>(`/devices?og=${north}&limit=100`)).items;
    await expect.poll(async () => {
      const statuses = await Promise.all(northDevices.map(async (device) => {
        const history = await admin.get<Page<QueueEntry>>(`/devices/${device.id}/commands?limit=20`);
        return history.items.find((entry) => entry.commandUuid === queued.commandUuid)?.status;
      }));
      return statuses.every((status) => status === 'acknowledged');
    }, { timeout: 20_000, interval: 250 }).toBe(true);
  });

  it('writes a replacement for the shared profile that passes the renewal dry run', async () => {
    const north = await DemoApi.login(world.url, 'north-admin', DEMO_PASSWORD);
    const file = { field: 'profile', fileName: path.basename(world.replacementFile), content: readFileSync(world.replacementFile) };
    const plan = await north.upload<{ apps: Array<{ name: string }>; diff: { expiry: { gainedDays: number } } }>(
      `/profiles/${world.sharedProfileId}/renewals?dryRun=true`,
      { applyToAllApps: 'true' },
      [file],
      200,
    );
    expect(plan.apps.map((app) => app.name).sort()).toEqual(['Field Service', 'Inventory', 'Timesheets']);
    expect(plan.diff.expiry.gainedDays).toBe(320);
  });

  it('rolls the renewal of the shared profile out to 100% through its own running fleet', { timeout: ROLLOUT_TIMEOUT_MS + 30_000 }, async () => {
    const north = await DemoApi.login(world.url, 'north-admin', DEMO_PASSWORD);
    // The first device enrolls in the north: held locked, it has to answer NotNow and come back by itself.
    const locked = world.fleet.devices[0];
    if (locked === undefined) throw new Error('the demo has no devices');
    locked.setLocked(true);
    const file = { field: 'profile', fileName: path.basename(world.replacementFile), content: readFileSync(world.replacementFile) };
    const applied = await north.upload<Renewal>(`/profiles/${world.sharedProfileId}/renewals?dryRun=false`, { applyToAllApps: 'true' }, [file], 201);
    expect(applied.apps.map((app) => app.name).sort()).toEqual(['Field Service', 'Inventory', 'Timesheets']);
    expect(applied.rollout.total).toBe(RENEWAL_DEVICES);

    await expect
      .poll(async () => (await north.get<Page<{ udid: string }>>(`/renewals/${applied.id}/devices?state=waiting_unlock`)).items.map((device) => device.udid), { timeout: 20_000, interval: 250 })
      .toContain(locked.udid);
    locked.setLocked(undefined);
    // Nothing here connects a device: the server's pushes wake them, locked ones come back on their own.
    await expect
      .poll(async () => (await north.get<Renewal>(`/renewals/${applied.id}`)).rollout, { timeout: ROLLOUT_TIMEOUT_MS, interval: 500 })
      .toMatchObject({ percent: 100, complete: true, installed: RENEWAL_DEVICES, oldRemoved: RENEWAL_DEVICES });

    const daysLeft = Object.fromEntries((await apps()).map((app) => [app.name, app.daysLeft]));
    expect(daysLeft).toMatchObject({ 'Field Service': 365, Timesheets: 365, Inventory: 365, 'Safety Checklist': 200 });
  });

  it('leaves the demo CA untrusted by a server that is not in demo mode, even on the demo data', async () => {
    await world.close();
    const config = loadServerConfig({ dataDir, host: '127.0.0.1', port: '0', logLevel: 'silent' }, {});
    const server = await startServer(config, { print: () => undefined });
    try {
      const session = await DemoApi.login(server.url, 'admin', DEMO_PASSWORD);
      const file = { field: 'profile', fileName: 'renewed.mobileprovision', content: readFileSync(world.replacementFile) };
      const upload = session.upload('/profiles', { og: String(world.ogs.regions.north) }, [file]);
      await expect(upload).rejects.toMatchObject({ status: 422 });
      await expect(upload.catch((error: DemoApiError) => JSON.parse(error.body) as unknown)).resolves.toMatchObject({ error: { code: 'profile.signature_invalid' } });
    } finally {
      await server.close();
    }
  });
});
