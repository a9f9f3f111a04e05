import { hash } from 'node:crypto';
import {
  TagClass,
  UniversalTag,
  copyBytes,
  decodeAsn1,
  expectElement,
  readBitString,
  readBoolean,
  readIntegerBytes,
  readOctets,
  readOid,
  readTime,
  type Asn1Element,
} from '../asn1/index.js';
import { FormatError, isFormatError } from '../errors.js';
import { BoundedCache } from './bounded-cache.js';
import { readNameFields, type NameFields } from './name.js';
import { ExtensionOid } from './oids.js';

/** The parts of an X.509 certificate that summaries and chain checks need. */
export interface ParsedCertificate {
  /** The certificate's own copy of its DER (never a view into a larger message). */
  readonly der: Uint8Array;
  /** Lowercase hex SHA-256 of the DER: the certificate's identity in caches and trust stores. */
  readonly sha256: string;
  /** The signed part (TBSCertificate), as encoded. */
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  /** The serial number's INTEGER content octets. */
  readonly serial: Uint8Array;
  /** Encoded Names, compared byte for byte when building chains. */
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly subjectFields: NameFields;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The encoded SubjectPublicKeyInfo, as node:crypto imports it. */
  readonly subjectPublicKeyInfo: Uint8Array;
  /** basicConstraints says CA and keyUsage, when present, allows keyCertSign. */
  readonly mayIssueCertificates: boolean;
  readonly subjectKeyIdentifier: Uint8Array | null;
}

const cache = new BoundedCache<string, ParsedCertificate>(1024);

/**
 * Parses a DER certificate; memoized by its SHA-256, so the Apple intermediates every profile
 * carries are walked once per process. Throws `x509.invalid` for anything malformed.
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const sha256 = hash('sha256', der, 'hex');
  return cache.getOrCompute(sha256, () => parseUncached(copyBytes(der), sha256));
}

function parseUncached(der: Uint8Array, sha256: string): ParsedCertificate {
  try {
    return walkCertificate(der, sha256);
  } catch (error) {
    if (isFormatError(error) && error.code.startsWith('x509.')) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new FormatError('x509.invalid', `not a valid X.509 certificate: ${detail}`, { cause: error });
  }
}

function walkCertificate(der: Uint8Array, sha256: string): ParsedCertificate {
  const [tbsElement, algorithm, signature] = sequence(decodeAsn1(der), 'Certificate').children();
  const tbs = sequence(tbsElement, 'TBSCertificate');
  const fields = tbs.children();
  const [serial, , issuer, validity, subject, spki, ...optional] = fields.slice(fields[0]?.isContext(0) ? 1 : 0);
  const subjectName = sequence(subject, 'subject');
  const [notBefore, notAfter] = sequence(validity, 'validity').children();
  const [algorithmOid] = sequence(algorithm, 'signatureAlgorithm').children();
  return {
    der,
    sha256,
    tbs: tbs.bytes,
    signatureAlgorithm: readOid(universal(algorithmOid, UniversalTag.objectIdentifier, 'signature algorithm')),
    signature: readBitString(universal(signature, UniversalTag.bitString, 'signature')).bytes,
    serial: readIntegerBytes(universal(serial, UniversalTag.integer, 'serial number')),
    issuer: sequence(issuer, 'issuer').bytes,
    subject: subjectName.bytes,
    subjectFields: readNameFields(subjectName),
    notBefore: readTime(present(notBefore, 'notBefore')),
    notAfter: readTime(present(notAfter, 'notAfter')),
    subjectPublicKeyInfo: sequence(spki, 'subjectPublicKeyInfo').bytes,
    ...readExtensions(optional.find((field) => field.isContext(3))),
  };
}

function sequence(element: Asn1Element | undefined, what: string): Asn1Element {
  return universal(element, UniversalTag.sequence, what);
}

function universal(element: Asn1Element | undefined, tagNumber: number, what: string): Asn1Element {
  return expectElement(element, TagClass.universal, tagNumber, what, 'x509.invalid');
}

function present(element: Asn1Element | undefined, what: string): Asn1Element {
  if (!element) throw new FormatError('x509.invalid', `${what} is missing`);
  return element;
}

interface ExtensionFields {
  readonly mayIssueCertificates: boolean;
  readonly subjectKeyIdentifier: Uint8Array | null;
}

function readExtensions(wrapper: Asn1Element | undefined): ExtensionFields {
  let isCa = false;
  let keyCertSign = true;
  let subjectKeyIdentifier: Uint8Array | null = null;
  for (const extension of wrapper ? sequence(wrapper.children()[0], 'extensions').children() : []) {
    const fields = extension.children();
    const oid = readOid(universal(fields[0], UniversalTag.objectIdentifier, 'extension id'));
    const value = decodeAsn1(readOctets(universal(fields.at(-1), UniversalTag.octetString, 'extension value')));
    if (oid === ExtensionOid.basicConstraints) isCa = readCaFlag(value);
    else if (oid === ExtensionOid.keyUsage) keyCertSign = allowsKeyCertSign(value);
    else if (oid === ExtensionOid.subjectKeyIdentifier) subjectKeyIdentifier = readOctets(value);
  }
  return { mayIssueCertificates: isCa && keyCertSign, subjectKeyIdentifier };
}

function readCaFlag(basicConstraints: Asn1Element): boolean {
  const first = sequence(basicConstraints, 'basicConstraints').children()[0];
  return first?.isUniversal(UniversalTag.boolean) === true && readBoolean(first);
}

/** keyUsage bit 5 (keyCertSign) is 0x04 in the first octet: bit 0 is the most significant. */
function allowsKeyCertSign(keyUsage: Asn1Element): boolean {
  const { bytes } = readBitString(keyUsage);
  return ((bytes[0] ?? 0) & 0x04) !== 0;
}
