import type { CertificateSummary } from '../../formats/x509/index.js';
import type { TrustAnchors } from '../../formats/cms/index.js';
import type { MdmErrorCode } from '../protocol/index.js';

/** The certificate a device proved it holds the key of. */
export interface DeviceIdentityCertificate {
  /** The certificate's DER. */
  readonly certificate: Uint8Array;
  /** Lowercase hex SHA-256 of the DER: bound to the enrollment at Authenticate, compared on every later message. */
  readonly sha256: string;
  readonly summary: CertificateSummary;
}

/** Why a request's identity was refused. */
export type IdentityFailureCode = Extract<
  MdmErrorCode,
  | 'mdm.signature_missing'
  | 'mdm.signature_invalid'
  | 'mdm.certificate_missing'
  | 'mdm.certificate_invalid'
  | 'mdm.identity_untrusted'
>;

/**
 * The outcome of checking a device's identity. Failures are values, not exceptions: the HTTP
 * layer answers 400 or 403 for them, never 401 (which makes a device unenroll).
 */
export type IdentityResult =
  | { readonly ok: true; readonly identity: DeviceIdentityCertificate }
  | { readonly ok: false; readonly code: IdentityFailureCode; readonly reason: string };

/** What every identity check needs. */
export interface IdentityOptions {
  /** Provisio's enrollment CA: identities must chain to it. */
  readonly enrollmentCa: TrustAnchors;
  /** The time the identity certificate (and its chain) must be valid at. */
  readonly now: Date;
}

/** A failed {@link IdentityResult}. */
export function identityFailure(code: IdentityFailureCode, reason: string): IdentityResult {
  return { ok: false, code, reason };
}
