/**
 * CMS (PKCS #7) SignedData: parse DER or Apple's BER, verify the signer, its chain and trust.
 * Used for provisioning profiles, MDM `Mdm-Signature` headers and Mach-O code signatures.
 *
 * Error codes thrown by {@link parseSignedData}: `cms.not_signed_data`, `cms.invalid`, and the
 * `asn1.*` codes. {@link verifySignedData} does not throw for signature problems.
 */
export { parseSignedData } from './parse.js';
export { findSignerCertificate, findSignerParsed } from './find-signer.js';
export { verifySignedData, type VerifyOptions } from './verify.js';
export { APPLE_ROOT_CA_SHA256, TrustAnchors } from './trust-anchors.js';
export { CmsOid, AttributeOid } from './oids.js';
export type {
  AlgorithmIdentifier,
  SignatureStatus,
  SignatureVerification,
  SignedData,
  SignerIdentifier,
  SignerInfo,
} from './types.js';
export { validateChain, type ChainContext, type ChainResult } from './chain.js';
