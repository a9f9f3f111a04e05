/**
 * Why a renewal is refused before anything changes. Codes are stable (clients branch on them):
 * - `renewal.signature_invalid`: the replacement's signature is not valid;
 * - `renewal.type_mismatch`: the replacement is neither enterprise nor of P's type;
 * - `renewal.same_profile`: the replacement is P itself (same UUID);
 * - `renewal.bundle_id_mismatch`: its App ID does not cover an app or extension it would apply to;
 * - `renewal.team_mismatch`: it belongs to another team than P;
 * - `renewal.missing_signing_certificate`: it lacks the certificate that signed an affected
 *   version, which would then stop launching;
 * - `renewal.not_later`: it does not expire later than P;
 * - `renewal.apps_not_chosen`: several apps share P and the request did not say `applyToAllApps`.
 */
export type RenewalViolationCode =
  | 'renewal.signature_invalid'
  | 'renewal.type_mismatch'
  | 'renewal.same_profile'
  | 'renewal.bundle_id_mismatch'
  | 'renewal.team_mismatch'
  | 'renewal.missing_signing_certificate'
  | 'renewal.not_later'
  | 'renewal.apps_not_chosen';

/** One failed renewal check; `bundleId` and `appVersionId` say which target it concerns. */
export interface RenewalViolation {
  readonly code: RenewalViolationCode;
  readonly message: string;
  readonly bundleId?: string;
  readonly appVersionId?: number;
}
