import { validateChain } from '../../formats/cms/index.js';
import { parseCertificate, summarizeParsed, type ParsedCertificate } from '../../formats/x509/index.js';
import { identityFailure, type IdentityOptions, type IdentityResult } from './types.js';

/**
 * Accepts `certificate` as a device identity when it is an end-entity certificate that chains to
 * the enrollment CA, every link valid at `now`.
 */
export function checkIdentityCertificate(certificate: ParsedCertificate, options: IdentityOptions): IdentityResult {
  const chain = validateChain(certificate, { pool: [], trust: options.enrollmentCa, at: options.now });
  if (!chain.trusted) return identityFailure('mdm.identity_untrusted', chain.reason);
  return acceptEndEntity(certificate, options);
}

/**
 * The identity of a certificate whose chain is already checked, unless it is a CA. The CA's
 * certificate is public and names no device: an identity is only worth the device key it names.
 */
export function acceptEndEntity(certificate: ParsedCertificate, options: IdentityOptions): IdentityResult {
  if (certificate.mayIssueCertificates || options.enrollmentCa.isAnchor(certificate)) {
    return identityFailure('mdm.identity_untrusted', 'the certificate is a CA certificate, not a device identity');
  }
  return { ok: true, identity: { certificate: certificate.der, sha256: certificate.sha256, summary: summarizeParsed(certificate) } };
}

/** Parses DER that should be a certificate; `null` when it is not one. */
export function tryParseCertificate(der: Uint8Array): ParsedCertificate | null {
  try {
    return parseCertificate(der);
  } catch {
    return null;
  }
}
