import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { der } from '../../formats/asn1/index.js';
import {
  ExtensionOid,
  NameOid,
  encodePem,
  parseCertificate,
  signatureOid,
  summarizeCertificate,
  type CertificateSummary,
  type DigestName,
  type KeyType,
} from '../../formats/x509/index.js';
import { generateTestKeyPair, type TestKeyPair } from './keys.js';

/** The name fields the project reads from certificates. */
export interface CertificateSubject {
  readonly commonName: string;
  readonly organizationalUnit?: string;
  readonly organization?: string;
}

/** A certificate with its keys, ready to issue others or to sign. */
export interface IssuedCertificate {
  readonly der: Uint8Array;
  readonly pem: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly summary: CertificateSummary;
}

export interface IssueOptions {
  readonly subject: CertificateSubject;
  /** The issuing CA; omitted for a self-signed certificate. */
  readonly issuer?: IssuedCertificate;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** A CA may issue certificates (basicConstraints cA, keyUsage keyCertSign). */
  readonly isCa?: boolean;
  /** Type of a freshly generated key (default `rsa`); ignored when `keyPair` is given. */
  readonly keyType?: KeyType;
  /** Reuse a key pair instead of generating one (RSA generation is slow). */
  readonly keyPair?: TestKeyPair;
  /** Serial number as a bigint or hex; random 16 octets by default. */
  readonly serial?: bigint | string;
  /** Digest of the issuer's signature (default `sha256`). */
  readonly digest?: DigestName;
}

/** Issues an X.509 v3 certificate signed by `issuer` (or by its own key). */
export function issueCertificate(options: IssueOptions): IssuedCertificate {
  const keys = options.keyPair ?? generateTestKeyPair(options.keyType ?? 'rsa');
  const signingKey = options.issuer?.privateKey ?? keys.privateKey;
  const algorithm = signatureAlgorithm(keyTypeOf(signingKey), options.digest ?? 'sha256');
  const subjectPublicKeyInfo = new Uint8Array(keys.publicKey.export({ type: 'spki', format: 'der' }));
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)),
    serialNumber(options.serial),
    algorithm,
    options.issuer ? issuerName(options.issuer) : encodeName(options.subject),
    der.sequence(der.time(options.notBefore), der.time(options.notAfter)),
    encodeName(options.subject),
    subjectPublicKeyInfo,
    der.explicit(3, extensions(options, subjectPublicKeyInfo)),
  );
  const signature = sign(options.digest ?? 'sha256', tbs, signingKey);
  const certificate = der.sequence(tbs, algorithm, der.bitString(signature));
  return {
    der: certificate,
    pem: encodePem(certificate),
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    summary: summarizeCertificate(certificate),
  };
}

/** The key type of a node:crypto key, as the project names it. */
export function keyTypeOf(key: KeyObject): KeyType {
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'ec') return key.asymmetricKeyType;
  throw new RangeError(`unsupported test key type ${key.asymmetricKeyType}`);
}

function signatureAlgorithm(keyType: KeyType, digest: DigestName): Uint8Array {
  const oid = der.oid(signatureOid(keyType, digest));
  // RSA algorithm identifiers carry an explicit NULL; ECDSA ones carry no parameters (RFC 5758).
  return keyType === 'rsa' ? der.sequence(oid, der.null()) : der.sequence(oid);
}

function serialNumber(serial: bigint | string | undefined): Uint8Array {
  if (typeof serial === 'bigint') return der.integer(serial);
  if (typeof serial === 'string') return der.integerFromHex(serial);
  const random = randomBytes(16);
  random[0] = (random[0]! & 0x7f) | 0x40; // positive, and a full 16 octets long
  return der.integer(random);
}

function encodeName(subject: CertificateSubject): Uint8Array {
  const attribute = (oid: string, value: string): Uint8Array =>
    der.set(der.sequence(der.oid(oid), der.utf8String(value)));
  const relativeNames: Uint8Array[] = [];
  if (subject.organization !== undefined) relativeNames.push(attribute(NameOid.organization, subject.organization));
  if (subject.organizationalUnit !== undefined) {
    relativeNames.push(attribute(NameOid.organizationalUnit, subject.organizationalUnit));
  }
  relativeNames.push(attribute(NameOid.commonName, subject.commonName));
  return der.sequence(...relativeNames);
}

/** The issuer's subject exactly as encoded in its certificate, so chains match byte for byte. */
function issuerName(issuer: IssuedCertificate): Uint8Array {
  return parseCertificate(issuer.der).subject;
}

/** keyUsage keyCertSign + cRLSign (bits 5, 6) for a CA; digitalSignature (bit 0) for a signer. */
const KEY_USAGE_CA = der.bitString(Uint8Array.of(0x06), 1);
const KEY_USAGE_SIGNER = der.bitString(Uint8Array.of(0x80), 7);

function extensions(options: IssueOptions, subjectPublicKeyInfo: Uint8Array): Uint8Array {
  const isCa = options.isCa ?? false;
  const extension = (oid: string, critical: boolean, value: Uint8Array): Uint8Array =>
    der.sequence(der.oid(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
  const list = [
    extension(ExtensionOid.basicConstraints, true, isCa ? der.sequence(der.boolean(true)) : der.sequence()),
    extension(ExtensionOid.keyUsage, true, isCa ? KEY_USAGE_CA : KEY_USAGE_SIGNER),
    extension(ExtensionOid.subjectKeyIdentifier, false, der.octetString(keyIdentifier(subjectPublicKeyInfo))),
  ];
  const authorityKeyId = options.issuer ? parseCertificate(options.issuer.der).subjectKeyIdentifier : null;
  if (authorityKeyId) {
    const value = der.sequence(der.implicit(0, der.octetString(authorityKeyId)));
    list.push(extension(ExtensionOid.authorityKeyIdentifier, false, value));
  }
  return der.sequence(...list);
}

function keyIdentifier(subjectPublicKeyInfo: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(subjectPublicKeyInfo).digest());
}
