import type { DemoApi } from './demo-api.js';
import type { DemoFleet } from './demo-fleet.js';
import type { UploadedDemoApp } from './seed-apps.js';
import type { DemoOgs, DemoSessions } from './seed-organization.js';
import { REGIONS, regionOfDevice } from './world-plan.js';

interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** How long installing the apps on the whole fleet may take before the demo gives up. */
const INSTALL_TIMEOUT_MS = 120_000;
const POLL_MS = 250;

/** Enrolls each simulated device in its region with an enrollment profile its region's admin downloads. */
export async function enrollDevices(fleet: DemoFleet, ogs: DemoOgs, sessions: DemoSessions): Promise<void> {
  await fleet.enroll((index) => {
    const region = regionOfDevice(index);
    return sessions.regionAdmins[region].bytes(`/ogs/${ogs.regions[region]}/enrollment-profile`);
  });
}

/**
 * Installs each app on its share of the region's devices through the MDM install flow (profile,
 * then InstallApplication; the server pushes, the devices download the app and report it), and
 * waits until the server counts every install.
 */
export async function installApps(fleet: DemoFleet, ogs: DemoOgs, sessions: DemoSessions, apps: readonly UploadedDemoApp[]): Promise<void> {
  const expected = new Map<number, number>();
  for (const region of REGIONS) {
    const admin = sessions.regionAdmins[region];
    const deviceIds = await regionDeviceIds(admin, ogs.regions[region]);
    for (const app of apps.filter((candidate) => candidate.plan.region === region && candidate.plan.installedOn > 0)) {
      const chosen = deviceIds.slice(0, Math.round(app.plan.installedOn * deviceIds.length));
      if (chosen.length === 0) continue;
      const target = chosen.length === deviceIds.length ? { ogId: ogs.regions[region] } : { deviceIds: chosen };
      await admin.post(`/app-versions/${app.versionId}/install`, { target }, 202);
      expected.set(app.appId, chosen.length);
    }
  }
  await waitForInstalls(fleet, sessions.system, expected);
}

/** The region's devices by UDID, so which ones get an app is the same at every start. */
async function regionDeviceIds(api: DemoApi, ogId: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const after = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page<{ id: number }> = await api.get(`/devices?og=${ogId}&sort=udid&limit=500${after}`);
    ids.push(...page.items.map((device) => device.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids;
}

async function waitForInstalls(fleet: DemoFleet, api: DemoApi, expected: ReadonlyMap<number, number>): Promise<void> {
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  for (;;) {
    await fleet.settled();
    const missing = await installsMissing(api, expected);
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the simulated devices did not install every app in time: ${missing.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** "App: 12 of 50 installed" for each app the server does not yet count on every device. */
async function installsMissing(api: DemoApi, expected: ReadonlyMap<number, number>): Promise<string[]> {
  const page = await api.get<Page<{ id: number; name: string; installCount: number }>>('/apps?limit=500');
  return page.items
    .filter((app) => expected.has(app.id) && app.installCount < (expected.get(app.id) ?? 0))
    .map((app) => `${app.name}: ${app.installCount} of ${expected.get(app.id)} installed`);
}
