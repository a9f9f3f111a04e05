import { isExpired } from './expiry.js';
import type { ProfileFacts } from './upload-facts.js';
import type { UploadViolation } from './upload-violations.js';

/** What a profile is judged against on its own. */
export interface ProfilePolicy {
  /** Development and ad-hoc profiles are acceptable (an app for a limited device set, or a bare profile). */
  readonly allowLimitedProfiles: boolean;
  readonly allowUntrustedProfiles: boolean;
  readonly now: Date;
}

type ProfileCheck = (profile: ProfileFacts, policy: ProfilePolicy) => UploadViolation | null;

/** `the profile "Name" (UUID)`, how messages name a profile. */
export function describeProfile(profile: ProfileFacts): string {
  return `the profile "${profile.name}" (${profile.uuid})`;
}

const signatureCheck: ProfileCheck = (profile, policy) => {
  const { status, reason } = profile.signature;
  if (status === 'valid' || (status === 'untrusted' && policy.allowUntrustedProfiles)) return null;
  const why = reason === null ? '' : `: ${reason}`;
  return { code: 'profile.signature_invalid', message: `${describeProfile(profile)} has a ${status} signature${why}` };
};

const typeCheck: ProfileCheck = (profile, policy) => {
  const what = describeProfile(profile);
  switch (profile.type) {
    case 'enterprise':
      return null;
    case 'development':
    case 'adhoc':
      if (policy.allowLimitedProfiles) return null;
      return {
        code: 'profile.not_enterprise',
        message: `${what} is a ${profile.type} profile: accepted only for an upload limited to the profile's devices (limitedDevices)`,
      };
    case 'appstore':
      return { code: 'profile.not_enterprise', message: `${what} is an App Store profile; in-house apps need an enterprise profile` };
    case 'developer-id':
      return { code: 'profile.not_enterprise', message: `${what} is a macOS Developer ID profile, not an iOS in-house profile` };
  }
};

const expiryCheck: ProfileCheck = (profile, policy) =>
  isExpired(profile.expirationDate, policy.now)
    ? { code: 'profile.expired', message: `${describeProfile(profile)} expired on ${profile.expirationDate.toISOString()}` }
    : null;

const teamCheck: ProfileCheck = (profile) =>
  profile.teamId === null ? { code: 'profile.no_team', message: `${describeProfile(profile)} names no team (TeamIdentifier)` } : null;

const PROFILE_CHECKS: readonly ProfileCheck[] = [signatureCheck, typeCheck, expiryCheck, teamCheck];

/** Everything wrong with a profile by itself, whatever app it is for. */
export function profileViolations(profile: ProfileFacts, policy: ProfilePolicy): UploadViolation[] {
  return PROFILE_CHECKS.flatMap((check) => check(profile, policy) ?? []);
}
