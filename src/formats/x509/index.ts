/**
 * X.509 certificates: summaries for display and the parsed fields chain checks need.
 *
 * Error code thrown here: `x509.invalid` (not a well-formed certificate, or bad PEM base64).
 */
export { summarizeCertificate, summarizeParsed, type CertificateSummary } from './summary.js';
export { parseCertificate, type ParsedCertificate } from './certificate.js';
export { describeName, readNameFields, type NameFields } from './name.js';
export { decodePemBlocks, encodePem } from './pem.js';
export {
  DigestOid,
  KeyOid,
  digestByOid,
  signatureAlgorithmByOid,
  signatureOid,
  type DigestName,
  type KeyType,
  type SignatureAlgorithm,
} from './algorithms.js';
export { NameOid, ExtensionOid } from './oids.js';
export { BoundedCache } from './bounded-cache.js';
export { importPublicKey } from './public-key.js';
