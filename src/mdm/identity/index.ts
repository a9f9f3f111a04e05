/**
 * Device identity: which enrolled device sent a request. Devices prove it with the `Mdm-Signature`
 * header (a detached CMS signature over the body) or, behind a TLS-terminating proxy, with the
 * client certificate the proxy forwards. Both must chain to Provisio's enrollment CA.
 * Failures are returned as values with `mdm.*` codes; nothing here throws for bad input.
 */
export { verifyMdmSignature } from './mdm-signature.js';
export { identityFromForwardedCertificate } from './forwarded-certificate.js';
export type { DeviceIdentityCertificate, IdentityFailureCode, IdentityOptions, IdentityResult } from './types.js';
