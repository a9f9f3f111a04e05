import type { Profile } from '../../domain/model.js';
import { buildCommand } from '../../mdm/commands/index.js';
import type { Renewal, RenewedApp } from '../../store/renewal.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';

/** A checked renewal of `old` by `next` (already stored), for the apps of its plan. */
export interface RenewalToRecord {
  readonly old: Profile;
  readonly next: Profile;
  /** The signed bytes of `next`, as devices install them. */
  readonly nextBytes: Uint8Array;
  readonly apps: readonly RenewedApp[];
  readonly applyToAllApps: boolean;
  readonly createdBy: number | undefined;
  readonly createdAt: Date;
}

/**
 * The writes of a renewal, on the caller's transaction: the apps' versions move to the new
 * profile, the old one is superseded, one InstallProvisioningProfile is queued for every enrolled
 * device that has one of the apps, and the RemoveProvisioningProfile each device earns later is
 * stored with the renewal row. Used by a renewal and by "replace older versions".
 */
export async function recordRenewal(repositories: Repositories, scope: Scope, renewal: RenewalToRecord): Promise<Renewal> {
  const { old, next } = renewal;
  const appIds = renewal.apps.map((app) => app.appId);
  await repositories.appVersions.repointProfile(scope, { fromProfileId: old.id, toProfileId: next.id, appIds });
  await repositories.profiles.supersede(scope, old.id, next.id);
  const installCommandId = await repositories.mdmQueue.addCommand(buildCommand('InstallProvisioningProfile', { profile: renewal.nextBytes }));
  const removeCommandId = await repositories.mdmQueue.addCommand(buildCommand('RemoveProvisioningProfile', { uuid: old.uuid }));
  const bundleIds = await appBundleIds(repositories, scope, appIds);
  const deviceCount = await repositories.mdmQueue.fanOut(scope, installCommandId, { kind: 'bundles', bundleIds });
  return repositories.renewals.create({
    ogId: old.ogId,
    oldProfile: { id: old.id, uuid: old.uuid, name: old.name, expirationDate: old.expirationDate },
    newProfile: { id: next.id, uuid: next.uuid, name: next.name, expirationDate: next.expirationDate },
    applyToAllApps: renewal.applyToAllApps,
    apps: renewal.apps,
    bundleIds,
    installCommandId,
    removeCommandId,
    deviceCount,
    createdBy: renewal.createdBy,
    createdAt: renewal.createdAt,
  });
}

/** The apps' own bundle ids: devices report apps by them, whichever bundle (app or extension) the profile covered. */
async function appBundleIds(repositories: Repositories, scope: Scope, appIds: readonly number[]): Promise<string[]> {
  const bundleIds = new Set<string>();
  for (const appId of appIds) {
    const app = await repositories.apps.get(scope, appId);
    if (app !== undefined) bundleIds.add(app.bundleId);
  }
  return [...bundleIds].sort();
}
