import type { Certificate, Profile } from '../../domain/model.js';
import type { RenewalProfileFacts, ReplacementFacts } from '../../domain/renewal-facts.js';

/** A stored profile as the renewal rules read it. */
export function storedProfileFacts(profile: Profile, certificates: readonly Certificate[]): RenewalProfileFacts {
  return {
    uuid: profile.uuid,
    name: profile.name,
    type: profile.type,
    bundleId: profile.bundleId,
    teamId: profile.teamId,
    expirationDate: profile.expirationDate,
    certificates: certificates.map((certificate) => ({ sha256: certificate.sha256, commonName: certificate.commonName })),
    entitlements: profile.entitlements,
    provisionedDevices: profile.provisionedDevices,
  };
}

/**
 * A stored profile as the replacement in a renewal. It passed this server's signature policy
 * when it was uploaded, so an `untrusted` signature that a lab accepted then counts as valid now;
 * a tampered profile is never stored.
 */
export function storedReplacementFacts(profile: Profile, certificates: readonly Certificate[]): ReplacementFacts {
  const status = profile.signatureStatus === 'untrusted' ? 'valid' : profile.signatureStatus;
  return { ...storedProfileFacts(profile, certificates), signature: { status, reason: null } };
}
