import { decodePemBlocks } from '../../formats/x509/index.js';
import { checkIdentityCertificate, tryParseCertificate } from './trusted-identity.js';
import { identityFailure, type IdentityOptions, type IdentityResult } from './types.js';

/** A PEM certificate is a few kilobytes; a header far larger is not one. */
const MAX_HEADER_LENGTH = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The identity of a client certificate a TLS-terminating proxy verified and forwarded in a
 * header: URL-encoded PEM (nginx's `$ssl_client_escaped_cert`), plain PEM, or base64 DER. The
 * proxy proved the device holds the key; this checks the certificate chains to the enrollment CA.
 *
 * Only trust this header from a proxy that strips it from incoming requests: anyone can send it.
 *
 * Failures: `mdm.certificate_missing` (no header or an empty one, as nginx sends without a client
 * certificate), `mdm.certificate_invalid` (not a certificate), `mdm.identity_untrusted`.
 */
export function identityFromForwardedCertificate(headerValue: string | undefined, options: IdentityOptions): IdentityResult {
  const value = headerValue?.trim() ?? '';
  if (value === '' || value === '-' || value === '(null)') {
    return identityFailure('mdm.certificate_missing', 'the proxy forwarded no client certificate');
  }
  if (value.length > MAX_HEADER_LENGTH) {
    return identityFailure('mdm.certificate_invalid', `the certificate header is over ${MAX_HEADER_LENGTH} characters`);
  }
  const der = decodeForwarded(value);
  const certificate = der ? tryParseCertificate(der) : null;
  if (!certificate) return identityFailure('mdm.certificate_invalid', 'the forwarded client certificate is not a certificate');
  return checkIdentityCertificate(certificate, options);
}

/** The DER of the first certificate in the header, or `null`. */
function decodeForwarded(value: string): Uint8Array | null {
  let text: string;
  try {
    text = value.includes('%') ? decodeURIComponent(value) : value;
  } catch {
    return null;
  }
  if (text.includes('-----BEGIN')) {
    try {
      return decodePemBlocks(text)[0] ?? null;
    } catch {
      return null;
    }
  }
  const base64 = text.replace(/\s+/g, '');
  return BASE64.test(base64) ? new Uint8Array(Buffer.from(base64, 'base64')) : null;
}
