import {
  UniversalTag,
  readIntegerBytes,
  readOctets,
  readOid,
  readSmallInteger,
  readTime,
  type Asn1Element,
} from '../asn1/index.js';
import { AttributeOid } from './oids.js';
import { expectSequence, expectSet, expectUniversal, invalid, readAlgorithm } from './structure.js';
import type { SignerIdentifier, SignerInfo } from './types.js';

/**
 * Reads a SignerInfo: SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL,
 * signatureAlgorithm, signature OCTET STRING, [1] unsignedAttrs OPTIONAL }.
 */
export function readSignerInfo(element: Asn1Element): SignerInfo {
  const [version, sid, digestAlgorithm, ...rest] = expectSequence(element, 'SignerInfo').children();
  const signedAttributes = rest[0]?.isContext(0) ? rest.shift()! : null;
  const [signatureAlgorithm, signature] = rest;
  return {
    version: readSmallInteger(expectUniversal(version, UniversalTag.integer, 'SignerInfo version')),
    sid: readSignerIdentifier(sid),
    digestAlgorithm: readAlgorithm(digestAlgorithm, 'SignerInfo digestAlgorithm'),
    signedAttributes: signedAttributes ? signedAttributes.bytes : null,
    ...readSignedAttributes(signedAttributes),
    signatureAlgorithm: readAlgorithm(signatureAlgorithm, 'SignerInfo signatureAlgorithm'),
    signature: readOctets(expectUniversal(signature, UniversalTag.octetString, 'SignerInfo signature')),
  };
}

function readSignerIdentifier(element: Asn1Element | undefined): SignerIdentifier {
  if (element?.isContext(0)) return { kind: 'subjectKeyIdentifier', keyIdentifier: readOctets(element) };
  const [issuer, serial] = expectSequence(element, 'SignerInfo sid').children();
  return {
    kind: 'issuerAndSerialNumber',
    issuer: expectSequence(issuer, 'sid issuer').bytes,
    serial: readIntegerBytes(expectUniversal(serial, UniversalTag.integer, 'sid serial number')),
  };
}

interface KnownAttributes {
  readonly contentType: string | null;
  readonly messageDigest: Uint8Array | null;
  readonly signingTime: Date | null;
}

/**
 * Reads the attributes verification relies on. Each must appear once with one value
 * (RFC 5652 §11): a second messageDigest would leave it ambiguous what was signed.
 */
function readSignedAttributes(attributes: Asn1Element | null): KnownAttributes {
  const values = new Map<string, Asn1Element>();
  for (const attribute of attributes?.children() ?? []) {
    const [type, valueSet] = expectSequence(attribute, 'signed attribute').children();
    const oid = readOid(expectUniversal(type, UniversalTag.objectIdentifier, 'signed attribute type'));
    if (!isKnown(oid)) continue;
    if (values.has(oid)) throw invalid(`the signed attribute ${oid} appears twice`);
    const [value, ...more] = expectSet(valueSet, `signed attribute ${oid} values`).children();
    if (!value || more.length > 0) throw invalid(`the signed attribute ${oid} must have exactly one value`);
    values.set(oid, value);
  }
  const contentType = values.get(AttributeOid.contentType);
  const messageDigest = values.get(AttributeOid.messageDigest);
  const signingTime = values.get(AttributeOid.signingTime);
  return {
    contentType: contentType ? readOid(expectUniversal(contentType, UniversalTag.objectIdentifier, 'contentType')) : null,
    messageDigest: messageDigest ? readOctets(expectUniversal(messageDigest, UniversalTag.octetString, 'messageDigest')) : null,
    signingTime: signingTime ? readTime(signingTime) : null,
  };
}

function isKnown(oid: string): boolean {
  return oid === AttributeOid.contentType || oid === AttributeOid.messageDigest || oid === AttributeOid.signingTime;
}
