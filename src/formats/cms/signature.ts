import { verify, type KeyObject } from 'node:crypto';
import { BoundedCache, importPublicKey, signatureAlgorithmByOid, type DigestName, type ParsedCertificate } from '../x509/index.js';

/** `unsupported`: an algorithm or key type this project does not check (RSASSA-PSS, Ed25519, MD5). */
export type SignatureCheck = 'valid' | 'invalid' | 'unsupported';

/** Importing a key costs a few microseconds, but the same certificates sign message after message. */
const keys = new BoundedCache<string, KeyObject | null>(1024);

/**
 * Checks `signature` over `data` with the public key of `signer`. `algorithmOid` is a signature
 * algorithm; when it names only a key type (CMS rsaEncryption), `fallbackDigest` is used.
 */
export function checkSignature(
  signer: ParsedCertificate,
  algorithmOid: string,
  fallbackDigest: DigestName | null,
  data: Uint8Array,
  signature: Uint8Array,
): SignatureCheck {
  const algorithm = signatureAlgorithmByOid(algorithmOid);
  const digest = algorithm?.digest ?? fallbackDigest;
  const key = publicKeyOf(signer);
  if (!algorithm || !digest || !key || !isCheckedKeyType(key)) return 'unsupported';
  if (key.asymmetricKeyType !== algorithm.keyType) return 'invalid';
  try {
    return verify(digest, data, key, signature) ? 'valid' : 'invalid';
  } catch {
    // OpenSSL throws on some malformed signatures (e.g. an ECDSA value that is not DER).
    return 'invalid';
  }
}

function isCheckedKeyType(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'ec';
}

function publicKeyOf(certificate: ParsedCertificate): KeyObject | null {
  return keys.getOrCompute(certificate.sha256, () => importPublicKey(certificate.subjectPublicKeyInfo));
}
