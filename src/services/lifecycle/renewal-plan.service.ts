import { checkRenewal, selectTargets } from '../../domain/renewal-checks.js';
import { diffProfiles } from '../../domain/renewal-diff.js';
import type { ReplacementFacts } from '../../domain/renewal-facts.js';
import { buildRenewalPlan, type RenewalPlan } from '../../domain/renewal-plan.js';
import type { RenewalViolation } from '../../domain/renewal-violations.js';
import type { Profile } from '../../domain/model.js';
import type { ProvisioningProfile } from '../../formats/profile/index.js';
import { ApiError } from '../../http/errors.js';
import type { Database } from '../../store/database.js';
import type { Caller } from '../auth/actor.js';
import { plistDictToJson } from '../catalog/plist-json.js';
import type { ProfileTrust } from '../catalog/profile-trust.js';
import { found } from '../catalog/scope-checks.js';
import type { ProfileFile } from '../catalog/upload-files.js';
import { readProfileUpload } from '../catalog/upload-reading.js';
import { storedProfileFacts } from './stored-profile-facts.js';
import { renewalTargets } from './renewal-targets.js';

/** A renewal request: the replacement file on disk and whether it applies to every app sharing P. */
export interface RenewalRequest {
  readonly profilePath: string;
  readonly applyToAllApps: boolean;
}

/** The answer of a dry run: what would change, nothing written. */
export interface RenewalDryRun {
  readonly profile: Pick<Profile, 'id' | 'uuid' | 'name' | 'expirationDate'>;
  readonly replacement: { readonly uuid: string; readonly name: string; readonly expirationDate: Date };
  /** How many apps run under P: the console offers "apply to all apps" only when several do. */
  readonly sharedByApps: number;
  readonly plan: RenewalPlan;
}

export interface RenewalPlanDeps {
  readonly database: Pick<Database, 'repositories'>;
  readonly trust: ProfileTrust;
}

/** A request that passed every check: the profile it renews, the replacement file and the plan. */
export interface CheckedRenewal {
  readonly profile: Profile;
  readonly file: ProfileFile;
  readonly dryRun: RenewalDryRun;
}

/**
 * Renewal checks and the plan. The dry run answers the plan; `RenewalApplyService` applies a
 * checked renewal.
 */
export class RenewalPlanService {
  constructor(private readonly deps: RenewalPlanDeps) {}

  /** Runs every check; refuses with 422 `renewal.checks_failed` (all violations in details) or answers the plan. */
  async dryRun(caller: Caller, profileId: number, request: RenewalRequest): Promise<RenewalDryRun> {
    const file = await readProfileUpload(request.profilePath, this.deps.trust);
    return (await this.check(caller, profileId, file, request.applyToAllApps)).dryRun;
  }

  /** The checks and the plan for a replacement file already read. */
  async check(caller: Caller, profileId: number, file: ProfileFile, applyToAllApps: boolean): Promise<CheckedRenewal> {
    const { repositories } = this.deps.database;
    const { scope } = caller.actor;
    const profile = found(await repositories.profiles.get(scope, profileId), 'profile');
    const certificates = (await repositories.certificates.listForProfile(scope, profileId)) ?? [];
    const usages = await renewalTargets(repositories, scope, profileId);
    const selection = selectTargets(usages, applyToAllApps);
    if ('violation' in selection) throw refused([selection.violation], 'conflict');
    const current = storedProfileFacts(profile, certificates);
    const replacement = replacementFacts(file.profile, this.deps.trust.allowUntrustedProfiles);
    const violations = checkRenewal(current, replacement, selection.targets);
    if (violations.length > 0) throw refused(violations, 'unprocessable');
    const running = await repositories.expiry.devicesRunning([...new Set(selection.targets.map((target) => target.appVersionId))]);
    const dryRun: RenewalDryRun = {
      profile: { id: profile.id, uuid: profile.uuid, name: profile.name, expirationDate: profile.expirationDate },
      replacement: { uuid: replacement.uuid, name: replacement.name, expirationDate: replacement.expirationDate },
      sharedByApps: new Set(usages.map((usage) => usage.appId)).size,
      plan: buildRenewalPlan(selection.targets, running.perApp, running.distinct, diffProfiles(current, replacement)),
    };
    return { profile, file, dryRun };
  }
}

function replacementFacts(parsed: ProvisioningProfile, allowUntrusted: boolean): ReplacementFacts {
  const { status, reason } = parsed.signature;
  // A lab that accepts untrusted uploads accepts them as replacements too; tampered never.
  const accepted = status === 'untrusted' && allowUntrusted ? 'valid' : status;
  return {
    uuid: parsed.uuid,
    name: parsed.name,
    type: parsed.type,
    bundleId: parsed.bundleId,
    teamId: parsed.teamId,
    expirationDate: parsed.expirationDate,
    certificates: parsed.certificates.map((certificate) => ({ sha256: certificate.sha256, commonName: certificate.commonName })),
    entitlements: plistDictToJson(parsed.entitlements),
    provisionedDevices: parsed.devices,
    signature: { status: accepted, reason },
  };
}

function refused(violations: readonly RenewalViolation[], kind: 'conflict' | 'unprocessable'): ApiError {
  const first = violations[0];
  const message = violations.length === 1 && first !== undefined ? first.message : `${violations.length} renewal checks failed`;
  const details = { violations: violations.map((violation) => ({ ...violation })) };
  return new ApiError(kind, message, { code: kind === 'conflict' ? 'renewal.apps_not_chosen' : 'renewal.checks_failed', details });
}
