import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDemoFiles, type DemoBuilds } from './demo-builds.js';
import { DemoClock } from './demo-clock.js';
import { DemoFleet } from './demo-fleet.js';
import { createDemoPki } from './demo-pki.js';
import { startDemoServer } from './demo-server.js';
import { PushRelay } from './push-relay.js';
import { uploadApps, type UploadedDemoApp } from './seed-apps.js';
import { enrollDevices, installApps } from './seed-devices.js';
import { logInRegionAdmins, logInSystemAdmin, seedOrganization, type DemoOgs } from './seed-organization.js';
import { SHARED_PROFILE } from './world-plan.js';

export interface DemoOptions {
  /** An empty (or demo-owned) folder; the demo does not wipe it, its caller does. */
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly devices: number;
  /** Share of connections during which a device is locked once the world is ready (0 … 1). */
  readonly lockedRatio?: number;
  /** Told what the demo is doing while it builds the world. */
  readonly progress?: (step: string) => void;
  /** Told when a simulated device fails in a way the protocol does not cover (a bug). */
  readonly warn?: (problem: string) => void;
}

/** A running demo world. */
export interface DemoWorld {
  readonly url: string;
  readonly ogs: DemoOgs;
  readonly apps: readonly UploadedDemoApp[];
  readonly sharedProfileId: number;
  /** The replacement of the shared profile, to upload on the Files tab of {@link renewalApp}. */
  readonly replacementFile: string;
  readonly renewalApp: string;
  readonly fleet: DemoFleet;
  readonly logFile: string;
  /** Stops the devices, then the server. */
  close(): Promise<void>;
}

const DEFAULT_LOCKED_RATIO = 0.2;

/**
 * Starts the demo: a server with its own CA and in-process push, a world built through the
 * public API (groups, admins, apps, simulated devices with the apps installed), the expiry scan
 * run, and the fleet left running so renewals roll out live.
 */
export async function startDemo(options: DemoOptions): Promise<DemoWorld> {
  const progress = options.progress ?? (() => undefined);
  progress('generating the demo certification authority, apps and profiles');
  const pki = createDemoPki();
  const builds = await buildDemoFiles(pki, new Date());
  const clock = new DemoClock();
  const relay = new PushRelay();
  const server = await startDemoServer({ dataDir: options.dataDir, port: options.port, clock, anchorsPem: pki.anchorsPem, pushSender: relay });
  const warn = options.warn ?? (() => undefined);
  const onError = (error: unknown) => warn(`a simulated device failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  const fleet = new DemoFleet({ devices: options.devices, serverUrl: server.url, relay, profileTrust: pki.trustAnchors(), lockedRatio: options.lockedRatio ?? DEFAULT_LOCKED_RATIO, onError });
  relay.deliverTo(fleet);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await fleet.stop();
      await server.close();
    })());
  try {
    return await buildWorld(server.url, { clock, fleet, builds, progress, dataDir: options.dataDir, logFile: server.logFile, close });
  } catch (error) {
    await close();
    throw error;
  }
}

interface WorldParts {
  readonly clock: DemoClock;
  readonly fleet: DemoFleet;
  readonly builds: DemoBuilds;
  readonly progress: (step: string) => void;
  readonly dataDir: string;
  readonly logFile: string;
  readonly close: () => Promise<void>;
}

async function buildWorld(url: string, parts: WorldParts): Promise<DemoWorld> {
  const { fleet, progress } = parts;
  progress('creating the organization groups and admins');
  const system = await logInSystemAdmin(url);
  const ogs = await seedOrganization(system);
  const sessions = { system, regionAdmins: await logInRegionAdmins(url) };
  progress('uploading the apps');
  const apps = await uploadApps(url, parts.clock, ogs, parts.builds.apps);
  progress(`enrolling ${fleet.devices.length} simulated devices`);
  await enrollDevices(fleet, ogs, sessions);
  progress('installing the apps on the devices');
  await installApps(fleet, ogs, sessions, apps);
  progress('running the expiry scan');
  await sessions.system.post('/expiry/scan', {}, 200);
  const shared = apps.find((app) => app.plan.profile === SHARED_PROFILE);
  if (!shared) throw new Error('the demo plan has no app under the shared profile');
  const replacementFile = await writeReplacement(parts.dataDir, parts.builds.renewedSharedProfile);
  fleet.goLive();
  return { url, ogs, apps, sharedProfileId: shared.profileId, replacementFile, renewalApp: shared.plan.name, fleet, logFile: parts.logFile, close: parts.close };
}

async function writeReplacement(dataDir: string, profile: Uint8Array): Promise<string> {
  const folder = join(dataDir, 'renewal');
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'acme-field-apps-renewed.mobileprovision');
  await writeFile(file, profile);
  return file;
}
