import { bytesEqual } from '../asn1/index.js';
import { BoundedCache, describeName, type ParsedCertificate } from '../x509/index.js';
import { checkSignature, type SignatureCheck } from './signature.js';
import type { TrustAnchors } from './trust-anchors.js';

/** Apple chains have three certificates; anything far longer is a loop or an attack. */
const MAX_CHAIN_LENGTH = 8;

/**
 * Results of checking that one certificate signed another, keyed by both SHA-256s: the answer
 * never changes, and every Apple profile repeats the same intermediate-to-root links.
 */
const links = new BoundedCache<string, SignatureCheck>(4096);

export type ChainResult = { readonly trusted: true } | { readonly trusted: false; readonly reason: string };

export interface ChainContext {
  /** The certificates the message carries. */
  readonly pool: readonly ParsedCertificate[];
  readonly trust: TrustAnchors;
  /** Every certificate on the chain must be valid at this instant. */
  readonly at: Date;
}

/**
 * Looks for a path from `leaf` through the pool to a trust anchor on which every certificate is
 * valid at `context.at`, every issuer is a CA (or an anchor) and every link signature verifies.
 * Tries every candidate issuer; when none works, reports why the first one failed.
 */
export function validateChain(leaf: ParsedCertificate, context: ChainContext): ChainResult {
  return extend(leaf, [leaf], context);
}

function extend(
  certificate: ParsedCertificate,
  path: readonly ParsedCertificate[],
  context: ChainContext,
): ChainResult {
  const invalidity = validityProblem(certificate, context.at);
  if (invalidity) return untrusted(invalidity);
  if (context.trust.isAnchor(certificate)) return { trusted: true };
  if (bytesEqual(certificate.subject, certificate.issuer)) {
    return untrusted(`the root certificate '${label(certificate)}' is not a trust anchor`);
  }
  if (path.length >= MAX_CHAIN_LENGTH) return untrusted(`the chain is longer than ${MAX_CHAIN_LENGTH} certificates`);
  const candidates = issuerCandidates(certificate, path, context);
  if (candidates.length === 0) return untrusted(missingIssuer(certificate, context.trust));
  let firstFailure: ChainResult | null = null;
  for (const issuer of candidates) {
    const result = checkLink(certificate, issuer, context.trust) ?? extend(issuer, [...path, issuer], context);
    if (result.trusted) return result;
    firstFailure ??= result;
  }
  return firstFailure!;
}

/** Anchors first (a trusted path ends there), then the message's certificates; each once. */
function issuerCandidates(
  certificate: ParsedCertificate,
  path: readonly ParsedCertificate[],
  context: ChainContext,
): ParsedCertificate[] {
  const seen = new Set(path.map((member) => member.sha256));
  const candidates: ParsedCertificate[] = [];
  for (const candidate of [...context.trust.anchorsNamed(certificate.issuer), ...context.pool]) {
    if (seen.has(candidate.sha256) || !bytesEqual(candidate.subject, certificate.issuer)) continue;
    seen.add(candidate.sha256);
    candidates.push(candidate);
  }
  return candidates;
}

/** `null` when `issuer` may sign and did sign `certificate`; else why not. */
function checkLink(certificate: ParsedCertificate, issuer: ParsedCertificate, trust: TrustAnchors): ChainResult | null {
  if (!issuer.mayIssueCertificates && !trust.isAnchor(issuer)) {
    return untrusted(`'${label(issuer)}' is not a CA certificate, so it cannot have issued '${label(certificate)}'`);
  }
  const check = links.getOrCompute(`${certificate.sha256}:${issuer.sha256}`, () =>
    checkSignature(issuer, certificate.signatureAlgorithm, null, certificate.tbs, certificate.signature),
  );
  if (check === 'valid') return null;
  if (check === 'unsupported') {
    const algorithm = certificate.signatureAlgorithm;
    return untrusted(`the signature algorithm ${algorithm} of '${label(certificate)}' is not supported`);
  }
  return untrusted(`the signature of '${label(issuer)}' on '${label(certificate)}' does not verify`);
}

function missingIssuer(certificate: ParsedCertificate, trust: TrustAnchors): string {
  const issuer = describeName(certificate.issuer);
  const reason = `the issuer '${issuer}' of '${label(certificate)}' is neither in the message nor a trust anchor`;
  // Older Apple profiles do not carry Apple Root CA: say how the pin gets its certificate.
  return trust.hasUnlearnedPins() ? `${reason} (a pinned root is learned from any message that carries it)` : reason;
}

function validityProblem(certificate: ParsedCertificate, at: Date): string | null {
  // An Invalid Date compares false both ways and would pass every certificate: refuse it.
  if (Number.isNaN(at.getTime())) return 'the time to verify at is not a valid date';
  if (at < certificate.notBefore) {
    return `'${label(certificate)}' is not valid before ${certificate.notBefore.toISOString()} (checked as of ${at.toISOString()})`;
  }
  if (at > certificate.notAfter) {
    return `'${label(certificate)}' expired on ${certificate.notAfter.toISOString()} (checked as of ${at.toISOString()})`;
  }
  return null;
}

function label(certificate: ParsedCertificate): string {
  return certificate.subjectFields.commonName ?? describeName(certificate.subject);
}

function untrusted(reason: string): ChainResult {
  return { trusted: false, reason };
}
