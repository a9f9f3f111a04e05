import type { Profile } from '../../domain/model.js';
import { ApiError } from '../../http/errors.js';
import type { BlobStore } from '../../io/blob-store.js';
import type { Database } from '../../store/database.js';
import { isUniqueViolation } from '../../store/constraint-errors.js';
import type { Renewal, RenewedApp } from '../../store/renewal.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import { recordProfile } from '../catalog/catalog-records.js';
import type { ProfileFile } from '../catalog/upload-files.js';
import type { ProfileTrust } from '../catalog/profile-trust.js';
import { found } from '../catalog/scope-checks.js';
import { readProfileUpload } from '../catalog/upload-reading.js';
import type { CheckedRenewal, RenewalPlanService, RenewalRequest } from './renewal-plan.service.js';
import { recordRenewal } from './renewal-record.js';

/** Wakes the devices a stored command was queued for (the MDM push dispatcher). */
export interface CommandPushes {
  schedule(commandId: number): void;
}

export interface RenewalApplyDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly trust: ProfileTrust;
  readonly plans: RenewalPlanService;
  readonly pushes: CommandPushes;
}

/** An applied renewal, and whether this request applied it (false: a replay of an earlier one). */
export interface AppliedRenewal {
  readonly renewal: Renewal;
  readonly created: boolean;
}

/**
 * Applies a renewal in one transaction: stores the replacement, moves every affected app version
 * to it, marks the old profile superseded, queues one silent InstallProvisioningProfile for every
 * device that has one of the apps, stores the RemoveProvisioningProfile that each device earns
 * once it proves the new profile, and writes the audit entry. The pushes go out after the commit.
 * The same request again (same profile, same replacement UUID) answers the first renewal.
 */
export class RenewalApplyService {
  constructor(private readonly deps: RenewalApplyDeps) {}

  async apply(caller: Caller, profileId: number, request: RenewalRequest): Promise<AppliedRenewal> {
    const { repositories } = this.deps.database;
    const { scope } = caller.actor;
    const file = await readProfileUpload(request.profilePath, this.deps.trust);
    const replayed = await repositories.renewals.findApplied(scope, profileId, file.profile.uuid);
    if (replayed !== undefined) return { renewal: replayed, created: false };
    const profile = found(await repositories.profiles.get(scope, profileId), 'profile');
    if (profile.status === 'superseded') throw alreadyRenewed(profile);
    const checked = await this.deps.plans.check(caller, profileId, file, request.applyToAllApps);
    const blob = await this.deps.blobs.put(file.bytes);
    let renewal: Renewal;
    try {
      renewal = await this.deps.database.transaction((trx) => this.#applyChecked(trx, caller, checked, { file, blob }, request.applyToAllApps));
    } catch (error) {
      // Two identical requests at once: the loser's insert hits the unique key; answer the winner's.
      const winner = isUniqueViolation(error) ? await repositories.renewals.findApplied(scope, profileId, file.profile.uuid) : undefined;
      if (winner === undefined) throw error;
      return { renewal: winner, created: false };
    }
    if (renewal.deviceCount > 0) this.deps.pushes.schedule(renewal.installCommandId);
    return { renewal, created: true };
  }

  async #applyChecked(
    repositories: Repositories,
    caller: Caller,
    checked: CheckedRenewal,
    replacement: { readonly file: ProfileFile; readonly blob: Awaited<ReturnType<BlobStore['put']>> },
    applyToAllApps: boolean,
  ): Promise<Renewal> {
    const { scope } = caller.actor;
    const { profile, dryRun } = checked;
    const now = this.deps.clock.now();
    const by = caller.actor.kind === 'admin' ? caller.actor.id : undefined;
    const stored = await recordProfile(repositories, scope, profile.ogId, { profile: replacement.file.profile, blob: replacement.blob }, { at: now, by });
    const next = stored.profile;
    const apps: RenewedApp[] = dryRun.plan.apps.map((app) => ({ appId: app.appId, name: app.name, ogId: app.ogId, bundleIds: app.bundleIds }));
    const renewal = await recordRenewal(repositories, scope, { old: profile, next, nextBytes: replacement.file.bytes, apps, applyToAllApps, createdBy: by, createdAt: now });
    await this.deps.audit.record(repositories, caller, {
      action: 'profile.renew',
      objectType: 'profile',
      objectId: profile.id,
      ogId: profile.ogId,
      details: {
        renewalId: renewal.id,
        oldUuid: profile.uuid,
        newUuid: next.uuid,
        newProfileId: next.id,
        apps: apps.map((app) => app.name),
        devices: renewal.deviceCount,
      },
    });
    return renewal;
  }
}

function alreadyRenewed(profile: Profile): ApiError {
  return new ApiError('conflict', `profile ${profile.uuid} was already renewed with another profile`, {
    code: 'renewal.profile_superseded',
    details: { supersededBy: profile.supersededBy ?? null },
  });
}
