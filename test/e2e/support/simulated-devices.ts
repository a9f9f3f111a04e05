import { Fleet, HttpTransport } from '../../../src/simulator/index.js';
import type { ApiClient } from './api-client.js';

/** Devices of the browser tests: few, so the two-core test machine stays responsive. */
const CONCURRENCY = 4;
/** How often the live devices connect: a stand-in for pushes (the test server has no APNs). */
const CONNECT_EVERY_MS = 1000;
/** Share of connections during which a live device is locked and answers NotNow. */
const LOCKED_RATIO = 0.3;
const INSTALL_TIMEOUT_MS = 60_000;

/** Simulated iPhones enrolled in one group, talking to the test server over HTTP in this process. */
export interface SimulatedDevices {
  readonly fleet: Fleet;
  /** From now on every device connects every second, locked now and then, until stopped. */
  goLive(): void;
  /** Keeps every device locked (`true`), or lets them lock now and then again (`false`). */
  holdLocked(locked: boolean): void;
  stop(): Promise<void>;
}

/** Always the same "random" sequence, so a run can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Enrolls `count` devices in `og` with enrollment profiles the admin behind `admin` downloads. */
export async function enrollDevices(serverUrl: string, admin: ApiClient, og: number, count: number): Promise<SimulatedDevices> {
  const transport = new HttpTransport({ maxSockets: CONCURRENCY });
  const fleet = new Fleet({ devices: count, concurrency: CONCURRENCY, transport, serverOrigin: serverUrl, lockedRatio: LOCKED_RATIO, random: seededRandom(7) });
  for (const device of fleet.devices) device.setLocked(false);
  const outcome = await fleet.enroll(() => admin.bytes(`/ogs/${og}/enrollment-profile`));
  if (outcome.failed > 0) throw new Error(`devices could not enroll: ${outcome.failures.join('; ')}`);
  let live = false;
  let running: Promise<void> = Promise.resolve();
  const connectWhileLive = async () => {
    while (live) {
      await fleet.wake();
      await new Promise((resolve) => setTimeout(resolve, CONNECT_EVERY_MS));
    }
  };
  return {
    fleet,
    goLive() {
      for (const device of fleet.devices) device.setLocked(undefined);
      live = true;
      running = connectWhileLive();
    },
    holdLocked(locked) {
      for (const device of fleet.devices) device.setLocked(locked ? true : undefined);
    },
    async stop() {
      live = false;
      await running;
      transport.close();
    },
  };
}

/**
 * Installs app versions on every device of `og` through the MDM install flow (profiles, then
 * InstallApplication), lets the devices answer, and waits until the server counts each install.
 */
export async function installApps(devices: SimulatedDevices, admin: ApiClient, og: number, versionIds: readonly number[]): Promise<void> {
  for (const versionId of versionIds) await admin.post(`/app-versions/${versionId}/install`, { target: { ogId: og } }, 202);
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  for (;;) {
    await devices.fleet.run({ durationMs: 0 });
    const apps = await admin.get<{ items: ReadonlyArray<{ installCount: number }> }>(`/apps?og=${og}&limit=100`);
    if (apps.items.every((app) => app.installCount >= devices.fleet.devices.length)) return;
    if (Date.now() > deadline) throw new Error('the simulated devices did not install every app in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
