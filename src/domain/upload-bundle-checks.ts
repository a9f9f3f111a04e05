import { bundleIdCovers } from '../formats/profile/index.js';
import { isExpired } from './expiry.js';
import type { BundleAssignment } from './upload-bundles.js';
import { describeProfile } from './upload-profile-checks.js';
import type { SignerFacts } from './upload-facts.js';
import type { UploadViolation } from './upload-violations.js';

type BundleCheck = (bundle: BundleAssignment, appTeam: string | null, now: Date) => UploadViolation | null;

function describeBundle(bundle: BundleAssignment): string {
  return bundle.kind === 'app' ? `the app ${bundle.bundleId}` : `the extension ${bundle.bundleId}`;
}

function describeSigner(signer: SignerFacts): string {
  return signer.commonName === null ? `certificate ${signer.sha256}` : `"${signer.commonName}" (${signer.sha256})`;
}

const coverageCheck: BundleCheck = (bundle) => {
  if (bundleIdCovers(bundle.profile.bundleId, bundle.bundleId)) return null;
  return {
    code: 'profile.bundle_id_mismatch',
    message: `${describeProfile(bundle.profile)} is for ${bundle.profile.bundleId}, which does not cover ${describeBundle(bundle)}`,
    bundleId: bundle.bundleId,
  };
};

/** The profile, the bundle's signer and the app must all belong to one team (unknown teams aside). */
const teamCheck: BundleCheck = (bundle, appTeam) => {
  const teams: ReadonlyArray<readonly [string, string | null]> = [
    ['the profile', bundle.profile.teamId],
    ['the signing certificate', bundle.signingCertificate?.teamId ?? null],
    ['the app', appTeam],
  ];
  const known = teams.filter((team): team is readonly [string, string] => team[1] !== null);
  if (new Set(known.map(([, team]) => team)).size <= 1) return null;
  return {
    code: 'profile.team_mismatch',
    message: `teams differ for ${describeBundle(bundle)}: ${known.map(([what, team]) => `${what} is ${team}`).join(', ')}`,
    bundleId: bundle.bundleId,
  };
};

const signedCheck: BundleCheck = (bundle) => {
  if (bundle.signingCertificate !== null) return null;
  const message = `the executable of ${describeBundle(bundle)} is not signed by a certificate`;
  return { code: 'ipa.unsigned', message, bundleId: bundle.bundleId };
};

const signerInProfileCheck: BundleCheck = (bundle) => {
  const signer = bundle.signingCertificate;
  if (signer === null) return null;
  const wanted = signer.sha256.toLowerCase();
  if (bundle.profile.certificates.some((certificate) => certificate.sha256.toLowerCase() === wanted)) return null;
  return {
    code: 'profile.missing_signing_certificate',
    message: `${describeProfile(bundle.profile)} does not contain ${describeSigner(signer)}, which signed ${describeBundle(bundle)}`,
    bundleId: bundle.bundleId,
  };
};

const signerExpiryCheck: BundleCheck = (bundle, _appTeam, now) => {
  const signer = bundle.signingCertificate;
  if (signer === null || !isExpired(signer.notAfter, now)) return null;
  return {
    code: 'ipa.signing_certificate_expired',
    message: `${describeSigner(signer)}, which signed ${describeBundle(bundle)}, expired on ${signer.notAfter.toISOString()}`,
    bundleId: bundle.bundleId,
  };
};

const BUNDLE_CHECKS: readonly BundleCheck[] = [signedCheck, coverageCheck, teamCheck, signerInProfileCheck, signerExpiryCheck];

/** Everything that would stop this bundle from launching under its profile. */
export function bundleViolations(bundle: BundleAssignment, appTeam: string | null, now: Date): UploadViolation[] {
  return BUNDLE_CHECKS.flatMap((check) => check(bundle, appTeam, now) ?? []);
}
