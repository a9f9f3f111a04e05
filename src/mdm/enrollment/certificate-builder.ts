import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { der } from '../../formats/asn1/index.js';
import { ExtensionOid, NameOid, signatureOid } from '../../formats/x509/index.js';

/** The name fields Provisio writes into its certificates. */
export interface CertificateName {
  readonly commonName: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
}

/** Who signs a certificate: the CA's encoded subject, key and key identifier. */
export interface CertificateIssuer {
  readonly subject: Uint8Array;
  readonly privateKey: KeyObject;
  readonly subjectKeyIdentifier: Uint8Array;
}

/** What to certify. `issuer` omitted: self-signed with `selfSigningKey`. */
export interface CertificateRequest {
  readonly subject: CertificateName;
  readonly publicKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** `ca`: may issue certificates. `client`: a TLS client / signing identity (a device). */
  readonly role: 'ca' | 'client';
  readonly issuer?: CertificateIssuer;
  readonly selfSigningKey?: KeyObject;
}

const EXTENDED_KEY_USAGE = '2.5.29.37';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
/** keyCertSign + cRLSign (bits 5 and 6). */
const KEY_USAGE_CA = der.bitString(Uint8Array.of(0x06), 1);
/** digitalSignature + keyEncipherment (bits 0 and 2): what Apple expects of an MDM identity. */
const KEY_USAGE_CLIENT = der.bitString(Uint8Array.of(0xa0), 5);

/**
 * Issues an X.509 v3 certificate signed with SHA-256 (RSA), with the extensions its role needs.
 * Returns the DER.
 */
export function buildCertificate(request: CertificateRequest): Uint8Array {
  const signingKey = request.issuer?.privateKey ?? request.selfSigningKey;
  if (!signingKey) throw new RangeError('a certificate needs an issuer or a self-signing key');
  const algorithm = der.sequence(der.oid(signatureOid('rsa', 'sha256')), der.null());
  const spki = new Uint8Array(request.publicKey.export({ type: 'spki', format: 'der' }));
  const subject = encodeName(request.subject);
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)),
    der.integer(randomSerial()),
    algorithm,
    request.issuer?.subject ?? subject,
    der.sequence(der.time(request.notBefore), der.time(request.notAfter)),
    subject,
    spki,
    der.explicit(3, extensions(request, spki)),
  );
  return der.sequence(tbs, algorithm, der.bitString(sign('sha256', tbs, signingKey)));
}

/** The key identifier RFC 5280 suggests: SHA-1 of the public key bits' encoding (SPKI here). */
export function keyIdentifier(publicKey: KeyObject): Uint8Array {
  return keyIdentifierOf(publicKey.export({ type: 'spki', format: 'der' }));
}

function keyIdentifierOf(spki: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(spki).digest());
}

/** Encodes a Name: O, OU, CN as UTF8Strings, one per RDN. */
export function encodeName(name: CertificateName): Uint8Array {
  const attribute = (oid: string, value: string) => der.set(der.sequence(der.oid(oid), der.utf8String(value)));
  const parts: Uint8Array[] = [];
  if (name.organization) parts.push(attribute(NameOid.organization, name.organization));
  if (name.organizationalUnit) parts.push(attribute(NameOid.organizationalUnit, name.organizationalUnit));
  parts.push(attribute(NameOid.commonName, name.commonName));
  return der.sequence(...parts);
}

function extensions(request: CertificateRequest, spki: Uint8Array): Uint8Array {
  const extension = (oid: string, critical: boolean, value: Uint8Array) =>
    der.sequence(der.oid(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
  const isCa = request.role === 'ca';
  const list = [
    // A CA issues device identities directly: pathLenConstraint 0.
    extension(ExtensionOid.basicConstraints, true, isCa ? der.sequence(der.boolean(true), der.integer(0)) : der.sequence()),
    extension(ExtensionOid.keyUsage, true, isCa ? KEY_USAGE_CA : KEY_USAGE_CLIENT),
    extension(ExtensionOid.subjectKeyIdentifier, false, der.octetString(keyIdentifierOf(spki))),
  ];
  if (!isCa) list.push(extension(EXTENDED_KEY_USAGE, false, der.sequence(der.oid(CLIENT_AUTH))));
  if (request.issuer) {
    const authorityKeyIdentifier = der.sequence(der.implicit(0, der.octetString(request.issuer.subjectKeyIdentifier)));
    list.push(extension(ExtensionOid.authorityKeyIdentifier, false, authorityKeyIdentifier));
  }
  return der.sequence(...list);
}

/** 16 random octets, positive and with no leading zero octet (RFC 5280 allows up to 20). */
function randomSerial(): Uint8Array {
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  return new Uint8Array(serial);
}
