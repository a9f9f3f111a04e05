import type { Profile } from '../../domain/model.js';
import { checkRenewal } from '../../domain/renewal-checks.js';
import { diffProfiles } from '../../domain/renewal-diff.js';
import type { ReplacementFacts } from '../../domain/renewal-facts.js';
import { buildRenewalPlan } from '../../domain/renewal-plan.js';
import type { RenewalViolation } from '../../domain/renewal-violations.js';
import { ApiError } from '../../http/errors.js';
import type { BlobStore } from '../../io/blob-store.js';
import { CommandBuilder } from '../../mdm/server/command-requests.js';
import { isUniqueViolation } from '../../store/constraint-errors.js';
import type { Database } from '../../store/database.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import { found } from '../catalog/scope-checks.js';
import { storedProfileFacts, storedReplacementFacts } from './stored-profile-facts.js';
import type { CommandPushes } from './renewal-apply.service.js';
import { recordRenewal } from './renewal-record.js';
import type { RenewalDryRun } from './renewal-plan.service.js';
import { renewalTargets } from './renewal-targets.js';

export interface LineageCleanupDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly pushes: CommandPushes;
}

/** An older version of the lineage, what replacing it changes, and the renewal that does it. */
export interface ReplacedVersion {
  readonly profile: Profile;
  /** The plan of the renewal older → newer: apps, devices and the diff. */
  readonly plan: RenewalDryRun;
  /** The renewal that rolls the newer profile out to its devices; null when no app used it. */
  readonly renewalId: number | null;
}

/** The result of "replace older versions": the profile kept, and the versions it replaced. */
export interface LineageReplacement {
  readonly dryRun: boolean;
  readonly profile: Profile;
  readonly replaced: readonly ReplacedVersion[];
}

type Candidate = Omit<ReplacedVersion, 'renewalId'> & { readonly targets: Awaited<ReturnType<typeof renewalTargets>> };

/**
 * "Replace older versions" (oudere versies vervangen): one profile of a lineage (same group,
 * App ID and name) replaces every older version not yet replaced, all at once. Each older version
 * in use is renewed by it exactly as a renewal with "apply to all apps" would: the same checks
 * first (any failure refuses everything), then its app versions move to the profile, it is marked
 * superseded, and the profile goes silently to every device with one of its apps, with the old one
 * removed from each device once that device proves the new one. Older versions no app uses are
 * only marked superseded. One transaction and one audit entry; pushes follow the commit.
 */
export class LineageCleanupService {
  constructor(private readonly deps: LineageCleanupDeps) {}

  async replaceOlderVersions(caller: Caller, profileId: number, dryRun: boolean): Promise<LineageReplacement> {
    const { repositories } = this.deps.database;
    const { scope } = caller.actor;
    const profile = found(await repositories.profiles.get(scope, profileId), 'profile');
    refuseAsReplacement(profile, this.deps.clock.now());
    const replacement = storedReplacementFacts(profile, (await repositories.certificates.listForProfile(scope, profile.id)) ?? []);
    const candidates = await this.candidates(repositories, scope, profile, replacement);
    if (dryRun) return { dryRun, profile, replaced: candidates.map((candidate) => ({ ...candidate, renewalId: null })) };
    const bytes = await new CommandBuilder({ database: this.deps.database, blobs: this.deps.blobs }).signedProfile(scope, profile.id);
    const installs: number[] = [];
    const replaced = await this.deps.database
      .transaction(async (trx) => {
        const done: ReplacedVersion[] = [];
        for (const candidate of candidates) done.push(await this.replace(trx, caller, { candidate, profile, bytes, installs }));
        const details = { replaced: done.map((version) => ({ id: version.profile.id, uuid: version.profile.uuid, lineageVersion: version.profile.lineageVersion, renewalId: version.renewalId })) };
        await this.deps.audit.record(trx, caller, { action: 'profile.replace_older_versions', objectType: 'profile', objectId: profile.id, ogId: profile.ogId, details });
        return done;
      })
      .catch((error: unknown) => {
        // The same request at the same moment: the other one's renewal of an older version won.
        if (isUniqueViolation(error)) throw new ApiError('conflict', 'the older versions were being replaced by another request', { code: 'cleanup.already_replacing' });
        throw error;
      });
    for (const commandId of installs) this.deps.pushes.schedule(commandId);
    return { dryRun, profile, replaced };
  }

  /** The older versions not yet replaced, each checked and planned; throws 422 when any check fails. */
  private async candidates(repositories: Repositories, scope: Scope, profile: Profile, replacement: ReplacementFacts): Promise<Candidate[]> {
    const lineage = (await repositories.profiles.lineage(scope, profile.id)) ?? [];
    const older = lineage.filter((version) => version.lineageVersion < profile.lineageVersion && version.status !== 'superseded');
    const candidates: Candidate[] = [];
    const violations: (RenewalViolation & { readonly profileId: number; readonly uuid: string })[] = [];
    for (const version of older) {
      const current = storedProfileFacts(version, (await repositories.certificates.listForProfile(scope, version.id)) ?? []);
      const targets = await renewalTargets(repositories, scope, version.id);
      violations.push(...checkRenewal(current, replacement, targets).map((violation) => ({ ...violation, profileId: version.id, uuid: version.uuid })));
      const running = await repositories.expiry.devicesRunning([...new Set(targets.map((target) => target.appVersionId))]);
      const plan = buildRenewalPlan(targets, running.perApp, running.distinct, diffProfiles(current, replacement));
      const sharedByApps = new Set(targets.map((target) => target.appId)).size;
      candidates.push({ profile: version, targets, plan: { profile: version, replacement: profile, sharedByApps, plan } });
    }
    if (violations.length > 0) {
      throw new ApiError('unprocessable', `${profile.name} cannot replace ${violations.length === 1 ? 'an older version' : 'the older versions'}: ${violations[0]?.message ?? ''}`, {
        code: 'cleanup.checks_failed',
        details: { violations: violations.map((violation) => ({ ...violation })) },
      });
    }
    return candidates;
  }

  private async replace(
    repositories: Repositories,
    caller: Caller,
    work: { readonly candidate: Candidate; readonly profile: Profile; readonly bytes: Uint8Array; readonly installs: number[] },
  ): Promise<ReplacedVersion> {
    const { scope } = caller.actor;
    const { candidate, profile } = work;
    const old = candidate.profile;
    if (candidate.targets.length === 0) {
      await repositories.profiles.supersede(scope, old.id, profile.id);
      return { ...candidate, renewalId: null };
    }
    const apps = candidate.plan.plan.apps.map((app) => ({ appId: app.appId, name: app.name, ogId: app.ogId, bundleIds: app.bundleIds }));
    const createdBy = caller.actor.kind === 'admin' ? caller.actor.id : undefined;
    const renewal = await recordRenewal(repositories, scope, { old, next: profile, nextBytes: work.bytes, apps, applyToAllApps: true, createdBy, createdAt: this.deps.clock.now() });
    if (renewal.deviceCount > 0) work.installs.push(renewal.installCommandId);
    return { ...candidate, renewalId: renewal.id };
  }
}

/** Only a current profile replaces others: not one already replaced itself, nor an expired one. */
function refuseAsReplacement(profile: Profile, now: Date): void {
  if (profile.status === 'superseded') {
    throw new ApiError('conflict', `${profile.name} (${profile.uuid}) was itself replaced`, { code: 'cleanup.profile_superseded', details: { supersededBy: profile.supersededBy ?? null } });
  }
  if (profile.expirationDate.getTime() <= now.getTime()) {
    throw new ApiError('unprocessable', `${profile.name} (${profile.uuid}) has expired and cannot replace anything`, { code: 'cleanup.profile_expired' });
  }
}
