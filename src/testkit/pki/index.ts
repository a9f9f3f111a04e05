/**
 * The project's own test PKI: certificates, keys and CMS signatures made on the fly, so tests,
 * benchmarks and the demo mode never need Apple's files. Nothing here is trusted in production.
 */
export {
  issueCertificate,
  keyTypeOf,
  type CertificateSubject,
  type IssueOptions,
  type IssuedCertificate,
} from './certificate.js';
export { generateTestKeyPair, sharedTestKeyPair, type TestKeyPair } from './keys.js';
export { testPki, type TestPki, type Validity } from './test-pki.js';
export { encodeSignedData, signCms, type SignCmsOptions, type SignedDataParts } from './sign-cms.js';
