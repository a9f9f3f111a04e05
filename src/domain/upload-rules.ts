import { assignProfiles, distinctProfiles, type BundleAssignment } from './upload-bundles.js';
import { bundleViolations } from './upload-bundle-checks.js';
import type { IpaFacts, ProfileFacts, SignerFacts, UploadPolicy } from './upload-facts.js';
import { profileViolations } from './upload-profile-checks.js';
import type { UploadViolation } from './upload-violations.js';

export type { BundleFacts, IpaFacts, ProfileFacts, SignerFacts, UploadPolicy } from './upload-facts.js';
export type { UploadViolation, UploadViolationCode } from './upload-violations.js';
export { assignProfiles, distinctProfiles, type BundleAssignment } from './upload-bundles.js';

/**
 * The rules an internal app must pass before anything of it is stored: a profile for the app
 * (uploaded, else embedded) and each extension; every profile properly signed, in-house (or
 * development/ad-hoc for a limited device set), unexpired, of a named team; every bundle covered
 * by its profile's App ID, of one team, signed by a live certificate the profile contains.
 * Returns every violation, not just the first, so one round trip shows all that is wrong.
 */
export function checkAppUpload<P extends ProfileFacts, S extends SignerFacts>(
  ipa: IpaFacts<P, S>,
  uploaded: P | null,
  policy: UploadPolicy,
): UploadViolation[] {
  const bundles = assignProfiles(ipa, uploaded);
  if (bundles === null) {
    const message = `the app ${ipa.bundleId} embeds no provisioning profile and none was uploaded with it`;
    return [{ code: 'ipa.no_profile', message, bundleId: ipa.bundleId }];
  }
  const profilePolicy = { ...policy, allowLimitedProfiles: policy.limitedDevices };
  const team = appTeam(bundles);
  return [
    ...distinctProfiles(bundles).flatMap((profile) => profileViolations(profile, profilePolicy)),
    ...bundles.flatMap((bundle) => bundleViolations(bundle, team, policy.now)),
  ];
}

/**
 * The rules a profile uploaded on its own must pass: properly signed, installable on managed
 * devices (development and ad-hoc profiles are kept for limited-device apps), unexpired, of a team.
 */
export function checkProfileUpload(profile: ProfileFacts, policy: Omit<UploadPolicy, 'limitedDevices'>): UploadViolation[] {
  return profileViolations(profile, { ...policy, allowLimitedProfiles: true });
}

/** The app's team: whoever signed its executable, else the team of its profile. */
function appTeam(bundles: readonly BundleAssignment[]): string | null {
  const app = bundles[0];
  return app?.signingCertificate?.teamId ?? app?.profile.teamId ?? null;
}
