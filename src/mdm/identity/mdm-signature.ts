import { findSignerCertificate, parseSignedData, verifySignedData, type SignedData } from '../../formats/cms/index.js';
import { acceptEndEntity, tryParseCertificate } from './trusted-identity.js';
import { identityFailure, type IdentityOptions, type IdentityResult } from './types.js';

/** A device signature is a few kilobytes; a header far larger is not one. */
const MAX_HEADER_LENGTH = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Checks the `Mdm-Signature` header: base64 of a detached CMS SignedData over the exact body
 * bytes, signed with the device's identity key, whose certificate must chain to the enrollment CA.
 *
 * Failures: `mdm.signature_missing` (no header); `mdm.signature_invalid` (not base64 or CMS, no
 * signer, or a signature that does not match the body); `mdm.identity_untrusted` (the signer is
 * not an identity the enrollment CA issued and valid at `now`, or uses an algorithm we cannot check).
 */
export function verifyMdmSignature(
  headerValue: string | undefined,
  body: Uint8Array,
  options: IdentityOptions,
): IdentityResult {
  const value = headerValue?.trim() ?? '';
  if (value === '') return identityFailure('mdm.signature_missing', 'the request has no Mdm-Signature header');
  const signedData = decodeSignature(value);
  if (typeof signedData === 'string') return identityFailure('mdm.signature_invalid', signedData);
  const verification = verifySignedData(signedData, { trust: options.enrollmentCa, at: options.now, detachedContent: body });
  switch (verification.status) {
    case 'unsigned':
    case 'tampered':
      return identityFailure('mdm.signature_invalid', verification.reason ?? 'the signature does not match the body');
    case 'untrusted':
      return identityFailure('mdm.identity_untrusted', verification.reason ?? 'the signer is not trusted');
    case 'valid':
      break;
  }
  const signerDer = findSignerCertificate(signedData);
  const signer = signerDer ? tryParseCertificate(signerDer) : null;
  // Valid but signed by a certificate the message does not carry: only an anchor (the CA) can be that.
  if (!signer) return identityFailure('mdm.identity_untrusted', 'the message is signed by the CA, not a device identity');
  return acceptEndEntity(signer, options);
}

/** The SignedData in a header value, or why there is none. */
function decodeSignature(value: string): SignedData | string {
  const base64 = value.replace(/\s+/g, '');
  if (base64.length > MAX_HEADER_LENGTH) return `the Mdm-Signature header is over ${MAX_HEADER_LENGTH} characters`;
  if (!BASE64.test(base64) || base64.length % 4 === 1) return 'the Mdm-Signature header is not base64';
  try {
    return parseSignedData(new Uint8Array(Buffer.from(base64, 'base64')));
  } catch (error) {
    return `the Mdm-Signature header is not a CMS signature (${error instanceof Error ? error.message : String(error)})`;
  }
}
