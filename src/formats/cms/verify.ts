import { hash } from 'node:crypto';
import { bytesEqual, copyBytes, decodeAsn1, der, toDefiniteLength } from '../asn1/index.js';
import { digestByOid, summarizeParsed, type DigestName, type ParsedCertificate } from '../x509/index.js';
import { validateChain } from './chain.js';
import { findCertificate, parseWellFormed } from './find-signer.js';
import { checkSignature } from './signature.js';
import type { TrustAnchors } from './trust-anchors.js';
import type { SignatureStatus, SignatureVerification, SignedData, SignerInfo } from './types.js';

/** Options for {@link verifySignedData}. */
export interface VerifyOptions {
  readonly trust: TrustAnchors;
  /**
   * The instant every certificate on the chain must be valid at. Profiles pass their
   * CreationDate: Apple's signing certificates expire while the profiles they signed live on.
   */
  readonly at: Date;
  /** The signed bytes when the signature is detached (an MDM request body, a code directory). */
  readonly detachedContent?: Uint8Array;
}

type Problem = { readonly status: SignatureStatus; readonly reason: string };

/**
 * Verifies the first signer of a SignedData. Never throws for a signature problem:
 * - `unsigned`: no SignerInfo at all;
 * - `tampered`: the content does not match the signed digest, or the signature does not verify
 *   with the signer certificate's key;
 * - `untrusted`: no chain from the signer to a trust anchor valid at `at` (or an algorithm we
 *   cannot check). Pinned roots the message carries are learned into `trust` on the way and
 *   listed in `learnedRoots` when new.
 */
export function verifySignedData(signedData: SignedData, options: VerifyOptions): SignatureVerification {
  const pool = parseWellFormed(signedData.certificates);
  const learnedRoots = pool.filter((certificate) => options.trust.learnParsed(certificate)).map((root) => root.der);
  const signerInfo = signedData.signers[0];
  if (!signerInfo) return { status: 'unsigned', signer: null, reason: 'the message has no signer', learnedRoots };
  const signer = findCertificate(signerInfo.sid, pool) ?? findCertificate(signerInfo.sid, options.trust.anchors());
  if (!signer) {
    return { status: 'untrusted', signer: null, reason: 'the signer certificate is not in the message', learnedRoots };
  }
  const problem = checkSigner(signedData, signerInfo, signer, options) ?? checkChain(signer, pool, options);
  const status = problem?.status ?? 'valid';
  return { status, signer: summarizeParsed(signer), reason: problem?.reason ?? null, learnedRoots };
}

function checkSigner(
  signedData: SignedData,
  signerInfo: SignerInfo,
  signer: ParsedCertificate,
  options: VerifyOptions,
): Problem | null {
  const digest = digestByOid(signerInfo.digestAlgorithm.oid);
  if (!digest) return { status: 'untrusted', reason: `unsupported digest algorithm ${signerInfo.digestAlgorithm.oid}` };
  const content = signedContent(signedData, options.detachedContent);
  if (typeof content === 'string') return { status: 'tampered', reason: content };
  const attributes = signerInfo.signedAttributes;
  const attributeProblem = attributes ? checkAttributes(signedData, signerInfo, digest, content) : null;
  if (attributeProblem) return { status: 'tampered', reason: attributeProblem };
  const signedBytes = attributes ? signedAttributesAsSet(attributes) : content;
  const check = checkSignature(signer, signerInfo.signatureAlgorithm.oid, digest, signedBytes, signerInfo.signature);
  if (check === 'valid') return null;
  if (check === 'unsupported') {
    return { status: 'untrusted', reason: `unsupported signature algorithm ${signerInfo.signatureAlgorithm.oid}` };
  }
  return { status: 'tampered', reason: "the signature does not verify with the signer certificate's key" };
}

/** The bytes that were signed, or why there are none to check. */
function signedContent(signedData: SignedData, detached: Uint8Array | undefined): Uint8Array | string {
  if (signedData.content && detached && !bytesEqual(signedData.content, detached)) {
    return 'the detached content differs from the content the message carries';
  }
  return signedData.content ?? detached ?? 'the signature is detached and no content was given to check it against';
}

/** With signed attributes, the content is bound to the signature by the messageDigest attribute. */
function checkAttributes(
  signedData: SignedData,
  signerInfo: SignerInfo,
  digest: DigestName,
  content: Uint8Array,
): string | null {
  if (!signerInfo.messageDigest) return 'the signed attributes lack a messageDigest';
  if (signerInfo.contentType !== null && signerInfo.contentType !== signedData.contentType) {
    return 'the signed contentType attribute differs from the content type';
  }
  if (!bytesEqual(hash(digest, content, 'buffer'), signerInfo.messageDigest)) {
    return 'the content does not match the signed message digest: it was changed after signing';
  }
  return null;
}

/**
 * The signature covers the DER encoding of the attributes as a SET (RFC 5652 §5.4): the `[0]`
 * tag becomes SET's, and BER indefinite lengths are first made definite.
 */
function signedAttributesAsSet(encoded: Uint8Array): Uint8Array {
  const element = decodeAsn1(encoded);
  if (!element.indefinite && encoded[0] === 0xa0) {
    const set = copyBytes(encoded);
    set[0] = 0x31;
    return set;
  }
  return der.set(...element.children().map(toDefiniteLength));
}

function checkChain(
  signer: ParsedCertificate,
  pool: readonly ParsedCertificate[],
  options: VerifyOptions,
): Problem | null {
  const chain = validateChain(signer, { pool, trust: options.trust, at: options.at });
  return chain.trusted ? null : { status: 'untrusted', reason: chain.reason };
}
