import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { TrustAnchors } from '../../formats/cms/index.js';
import { decodePemBlocks, encodePem, parseCertificate, type ParsedCertificate } from '../../formats/x509/index.js';
import { MdmProtocolError } from '../protocol/index.js';
import { buildCertificate, keyIdentifier, type CertificateIssuer } from './certificate-builder.js';

/** The CA as stored: PEM certificate and unencrypted PKCS#8 PEM private key (keep the file 0600). */
export interface CaMaterial {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** The enrollment CA, opened and ready to issue device identities and check them. */
export interface EnrollmentCa {
  readonly material: CaMaterial;
  readonly certificate: ParsedCertificate;
  readonly privateKey: KeyObject;
  /** What issued certificates name as their issuer and authority key. */
  readonly issuer: CertificateIssuer;
  /** Anchors trusting exactly this CA: what device identity checks take. */
  trustAnchors(): TrustAnchors;
}

/** How {@link createEnrollmentCa} makes a CA. */
export interface CreateEnrollmentCaOptions {
  readonly now?: Date;
  /** Defaults to "Provisio Enrollment CA". */
  readonly commonName?: string;
  readonly organization?: string;
  /** Default 20: identities it issues must not outlive it. */
  readonly validityYears?: number;
  /** RSA modulus bits; default 2048, what iOS has always accepted. */
  readonly modulusLength?: number;
}

const generateRsa = promisify(generateKeyPair);
/** A day of slack so a device whose clock lags a little still accepts fresh certificates. */
const BACKDATE_MS = 86_400_000;

/** Makes a self-signed RSA CA for device identities. */
export async function createEnrollmentCa(options: CreateEnrollmentCaOptions = {}): Promise<CaMaterial> {
  const now = options.now ?? new Date();
  const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength: options.modulusLength ?? 2048 });
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.validityYears ?? 20));
  const certificate = buildCertificate({
    subject: { commonName: options.commonName ?? 'Provisio Enrollment CA', organization: options.organization },
    publicKey,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter,
    role: 'ca',
    selfSigningKey: privateKey,
  });
  return {
    certificatePem: encodePem(certificate),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * Opens stored CA material. Throws `mdm.ca_invalid` when the certificate or key does not parse,
 * the certificate is not a CA, or the key is not the certificate's.
 */
export function openEnrollmentCa(material: CaMaterial): EnrollmentCa {
  const certificate = readCertificate(material.certificatePem);
  const privateKey = readPrivateKey(material.privateKeyPem);
  const expected = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (!Buffer.from(certificate.subjectPublicKeyInfo).equals(expected)) {
    throw new MdmProtocolError('mdm.ca_invalid', "the enrollment CA's private key does not belong to its certificate");
  }
  const subjectKeyIdentifier = certificate.subjectKeyIdentifier ?? keyIdentifier(createPublicKey(privateKey));
  const issuer = { subject: certificate.subject, privateKey, subjectKeyIdentifier };
  return {
    material,
    certificate,
    privateKey,
    issuer,
    trustAnchors: () => TrustAnchors.empty().addTrusted(certificate.der),
  };
}

function readCertificate(pem: string): ParsedCertificate {
  try {
    const [der] = decodePemBlocks(pem);
    if (!der) throw new Error('no CERTIFICATE block');
    const certificate = parseCertificate(der);
    if (!certificate.mayIssueCertificates) throw new Error('the certificate is not a CA certificate');
    return certificate;
  } catch (error) {
    throw new MdmProtocolError('mdm.ca_invalid', `the enrollment CA certificate is unusable: ${messageOf(error)}`, { cause: error });
  }
}

function readPrivateKey(pem: string): KeyObject {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`an ${key.asymmetricKeyType} key, not RSA`);
    return key;
  } catch (error) {
    throw new MdmProtocolError('mdm.ca_invalid', `the enrollment CA private key is unusable: ${messageOf(error)}`, { cause: error });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
