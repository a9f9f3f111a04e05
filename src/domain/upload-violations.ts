/**
 * Why an upload is refused. Codes are stable: the API answers with them and clients branch on
 * them, so a published code is never renamed.
 * - `ipa.no_profile`: the app embeds no provisioning profile and none was uploaded with it.
 * - `ipa.unsigned`: an executable (app or extension) carries no signing certificate.
 * - `ipa.signing_certificate_expired`: the certificate that signed an executable has expired.
 * - `profile.signature_invalid`: the profile's signature is not `valid` (tampered, unsigned, or
 *   `untrusted` without the server setting that allows it).
 * - `profile.not_enterprise`: not an in-house profile (App Store and Developer ID profiles always,
 *   development and ad-hoc ones unless the upload asks for a limited device set).
 * - `profile.expired`: the profile's ExpirationDate has passed.
 * - `profile.no_team`: the profile names no team.
 * - `profile.bundle_id_mismatch`: the profile's App ID does not cover the bundle's identifier.
 * - `profile.team_mismatch`: the profile belongs to another team than the app or its signer.
 * - `profile.missing_signing_certificate`: the profile lacks the certificate that signed the
 *   bundle's executable, so the bundle would not launch under it.
 */
export type UploadViolationCode =
  | 'ipa.no_profile'
  | 'ipa.unsigned'
  | 'ipa.signing_certificate_expired'
  | 'profile.signature_invalid'
  | 'profile.not_enterprise'
  | 'profile.expired'
  | 'profile.no_team'
  | 'profile.bundle_id_mismatch'
  | 'profile.team_mismatch'
  | 'profile.missing_signing_certificate';

/** One broken rule, with a message naming the bundle, profile or certificate at fault. */
export interface UploadViolation {
  readonly code: UploadViolationCode;
  readonly message: string;
  /** The bundle (app or extension) the problem concerns; absent for problems of a profile alone. */
  readonly bundleId?: string;
}
