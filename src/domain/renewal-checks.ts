import { bundleIdCovers } from '../formats/profile/index.js';
import type { RenewalProfileFacts, RenewalTarget, ReplacementFacts } from './renewal-facts.js';
import type { RenewalViolation } from './renewal-violations.js';

type ProfileCheck = (current: RenewalProfileFacts, replacement: ReplacementFacts) => RenewalViolation | null;
type TargetCheck = (replacement: ReplacementFacts, target: RenewalTarget) => RenewalViolation | null;

const describe = (profile: RenewalProfileFacts) => `the profile "${profile.name}" (${profile.uuid})`;
const describeTarget = (target: RenewalTarget) =>
  `${target.bundleId} of ${target.appName} ${target.shortVersion} (${target.build})`;

const signatureCheck: ProfileCheck = (_current, replacement) => {
  if (replacement.signature.status === 'valid') return null;
  const why = replacement.signature.reason === null ? '' : `: ${replacement.signature.reason}`;
  return { code: 'renewal.signature_invalid', message: `${describe(replacement)} has a ${replacement.signature.status} signature${why}` };
};

const typeCheck: ProfileCheck = (current, replacement) =>
  replacement.type === 'enterprise' || replacement.type === current.type
    ? null
    : { code: 'renewal.type_mismatch', message: `${describe(replacement)} is ${replacement.type}; expected enterprise or ${current.type}` };

const sameProfileCheck: ProfileCheck = (current, replacement) =>
  replacement.uuid.toLowerCase() === current.uuid.toLowerCase()
    ? { code: 'renewal.same_profile', message: `${describe(replacement)} is the profile being renewed` }
    : null;

const teamCheck: ProfileCheck = (current, replacement) =>
  replacement.teamId === current.teamId
    ? null
    : {
        code: 'renewal.team_mismatch',
        message: `${describe(replacement)} belongs to team ${replacement.teamId ?? '(none)'}, not ${current.teamId ?? '(none)'}`,
      };

const laterCheck: ProfileCheck = (current, replacement) =>
  replacement.expirationDate.getTime() > current.expirationDate.getTime()
    ? null
    : {
        code: 'renewal.not_later',
        message: `${describe(replacement)} expires ${replacement.expirationDate.toISOString()}, not later than ${current.expirationDate.toISOString()}`,
      };

const coverageCheck: TargetCheck = (replacement, target) =>
  bundleIdCovers(replacement.bundleId, target.bundleId)
    ? null
    : {
        code: 'renewal.bundle_id_mismatch',
        message: `${describe(replacement)} is for ${replacement.bundleId}, which does not cover ${describeTarget(target)}`,
        bundleId: target.bundleId,
        appVersionId: target.appVersionId,
      };

const signerCheck: TargetCheck = (replacement, target) => {
  const signer = target.signingCertificateSha256?.toLowerCase();
  if (signer === undefined || replacement.certificates.some((certificate) => certificate.sha256.toLowerCase() === signer)) return null;
  return {
    code: 'renewal.missing_signing_certificate',
    message: `${describe(replacement)} lacks certificate ${signer}, which signed ${describeTarget(target)}`,
    bundleId: target.bundleId,
    appVersionId: target.appVersionId,
  };
};

const PROFILE_CHECKS: readonly ProfileCheck[] = [signatureCheck, sameProfileCheck, typeCheck, teamCheck, laterCheck];
const TARGET_CHECKS: readonly TargetCheck[] = [coverageCheck, signerCheck];

/**
 * Everything that would make replacing `current` by `replacement` brick a device running one of
 * `targets` (every bundle of every app version it applies to). Returns all violations at once.
 */
export function checkRenewal(
  current: RenewalProfileFacts,
  replacement: ReplacementFacts,
  targets: readonly RenewalTarget[],
): RenewalViolation[] {
  return [
    ...PROFILE_CHECKS.flatMap((check) => check(current, replacement) ?? []),
    ...targets.flatMap((target) => TARGET_CHECKS.flatMap((check) => check(replacement, target) ?? [])),
  ];
}

/**
 * The bundles a renewal applies to: all of P's users when `applyToAllApps`, or the one app that
 * uses P. When several apps share P the caller must say so explicitly (`renewal.apps_not_chosen`):
 * renewing one app's profile must never silently change another team's app.
 */
export function selectTargets(
  usages: readonly RenewalTarget[],
  applyToAllApps: boolean,
): { readonly targets: readonly RenewalTarget[] } | { readonly violation: RenewalViolation } {
  const apps = new Set(usages.map((usage) => usage.appId));
  if (applyToAllApps || apps.size <= 1) return { targets: usages };
  const names = [...new Set(usages.map((usage) => usage.appName))].join(', ');
  return {
    violation: {
      code: 'renewal.apps_not_chosen',
      message: `${apps.size} apps share this profile (${names}); set applyToAllApps to renew it for all of them`,
    },
  };
}
