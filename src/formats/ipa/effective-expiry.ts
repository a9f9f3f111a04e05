import type { ProvisioningProfile } from '../profile/index.js';
import type { CertificateSummary } from '../x509/index.js';

interface Signed {
  readonly profile: ProvisioningProfile | null;
  readonly signingCertificate: CertificateSummary | null;
}

/** The day the first of these bundles stops launching: the earliest profile or signer expiry. */
export function effectiveExpiry(bundles: readonly Signed[]): Date | null {
  const dates = bundles.flatMap((bundle) => [
    ...(bundle.profile === null ? [] : [bundle.profile.expirationDate]),
    ...(bundle.signingCertificate === null ? [] : [bundle.signingCertificate.notAfter]),
  ]);
  if (dates.length === 0) return null;
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}
