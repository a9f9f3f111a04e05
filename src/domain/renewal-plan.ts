import type { RenewalDiff } from './renewal-diff.js';
import type { RenewalTarget } from './renewal-facts.js';

/** One app a renewal reaches: its versions and bundles under P, and the devices that run it. */
export interface PlannedApp {
  readonly appId: number;
  readonly name: string;
  readonly ogId: number;
  readonly appVersionIds: readonly number[];
  readonly bundleIds: readonly string[];
  readonly devices: number;
}

/** What a renewal would do, shown before anything changes. */
export interface RenewalPlan {
  readonly apps: readonly PlannedApp[];
  readonly ogIds: readonly number[];
  /** Devices with at least one affected app (a device running two of them counts once). */
  readonly devices: number;
  readonly diff: RenewalDiff;
}

/**
 * Groups the targets per app with each app's installation count. `devicesPerApp` counts devices
 * per app id; `distinctDevices` is the union across apps, which only the store can count.
 */
export function buildRenewalPlan(
  targets: readonly RenewalTarget[],
  devicesPerApp: ReadonlyMap<number, number>,
  distinctDevices: number,
  diff: RenewalDiff,
): RenewalPlan {
  const apps = new Map<number, { app: RenewalTarget; versions: Set<number>; bundles: Set<string> }>();
  for (const target of targets) {
    const entry = apps.get(target.appId) ?? { app: target, versions: new Set<number>(), bundles: new Set<string>() };
    entry.versions.add(target.appVersionId);
    entry.bundles.add(target.bundleId);
    apps.set(target.appId, entry);
  }
  const planned = [...apps.values()].map(
    ({ app, versions, bundles }): PlannedApp => ({
      appId: app.appId,
      name: app.appName,
      ogId: app.ogId,
      appVersionIds: [...versions].sort((a, b) => a - b),
      bundleIds: [...bundles].sort(),
      devices: devicesPerApp.get(app.appId) ?? 0,
    }),
  );
  const ogIds = [...new Set(planned.map((app) => app.ogId))].sort((a, b) => a - b);
  return { apps: planned, ogIds, devices: distinctDevices, diff };
}
