import { UniversalTag, decodeAsn1, readOctets, readOid, readSmallInteger, type Asn1Element } from '../asn1/index.js';
import { FormatError } from '../errors.js';
import { CmsOid } from './oids.js';
import { readSignerInfo } from './signer-info.js';
import { expectSequence, expectSet, expectUniversal, invalid, readAlgorithm } from './structure.js';
import type { SignedData } from './types.js';

/**
 * Parses a CMS ContentInfo holding SignedData, in DER or in Apple's BER (indefinite lengths,
 * eContent as a chunked constructed OCTET STRING). Nothing is verified here.
 *
 * Errors: `cms.not_signed_data` (not a ContentInfo, or one holding another content type),
 * `cms.invalid` (SignedData structure wrong), and the `asn1.*` codes for broken encodings.
 */
export function parseSignedData(bytes: Uint8Array): SignedData {
  if (bytes[0] !== 0x30) {
    throw new FormatError('cms.not_signed_data', 'not a CMS message: it does not start with a SEQUENCE');
  }
  const contentInfo = decodeAsn1(bytes, { allowTrailing: true });
  rejectTrailingBytes(bytes, contentInfo.end);
  const [contentType, wrapped] = contentInfo.children();
  const type = contentType?.isUniversal(UniversalTag.objectIdentifier) ? readOid(contentType) : null;
  if (type !== CmsOid.signedData) {
    throw new FormatError('cms.not_signed_data', `the CMS message holds ${type ?? 'no content type'}, not SignedData`);
  }
  if (!wrapped?.isContext(0)) throw invalid('ContentInfo lacks its [0] content');
  return readSignedData(expectSequence(wrapped.children()[0], 'SignedData'));
}

/** Some tools pad files with zeros; anything else after the message is suspicious. */
function rejectTrailingBytes(bytes: Uint8Array, end: number): void {
  for (let i = end; i < bytes.length; i++) {
    if (bytes[i] !== 0) throw invalid(`${bytes.length - end} unexpected bytes after the CMS message`);
  }
}

/**
 * SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
 * [0] certificates OPTIONAL, [1] crls OPTIONAL, signerInfos SET }
 */
function readSignedData(signedData: Asn1Element): SignedData {
  const [version, digestAlgorithms, encapsulated, ...rest] = signedData.children();
  const signerInfos = expectSet(rest.pop(), 'SignedData signerInfos');
  const certificates = rest.find((element) => element.isContext(0));
  if (rest.some((element) => !element.isContext(0) && !element.isContext(1))) {
    throw invalid('SignedData has unexpected elements before signerInfos');
  }
  const { contentType, content } = readEncapsulatedContent(encapsulated);
  return {
    version: readSmallInteger(expectUniversal(version, UniversalTag.integer, 'SignedData version')),
    digestAlgorithms: expectSet(digestAlgorithms, 'SignedData digestAlgorithms')
      .children()
      .map((algorithm) => readAlgorithm(algorithm, 'digest algorithm')),
    contentType,
    content,
    certificates: readCertificates(certificates),
    signers: signerInfos.children().map(readSignerInfo),
  };
}

/** EncapsulatedContentInfo ::= SEQUENCE { eContentType OID, [0] EXPLICIT OCTET STRING OPTIONAL } */
function readEncapsulatedContent(element: Asn1Element | undefined): Pick<SignedData, 'contentType' | 'content'> {
  const [type, explicit] = expectSequence(element, 'encapContentInfo').children();
  const contentType = readOid(expectUniversal(type, UniversalTag.objectIdentifier, 'eContentType'));
  if (!explicit) return { contentType, content: null };
  if (!explicit.isContext(0)) throw invalid(`encapContentInfo: expected [0], found ${explicit.describe()}`);
  const [octets, extra] = explicit.children();
  if (extra) throw invalid('eContent holds more than one OCTET STRING');
  return { contentType, content: readOctets(expectUniversal(octets, UniversalTag.octetString, 'eContent')) };
}

/** Only X.509 certificates (SEQUENCE); the obsolete and attribute-certificate choices are skipped. */
function readCertificates(element: Asn1Element | undefined): Uint8Array[] {
  if (!element) return [];
  return element
    .children()
    .filter((choice) => choice.isUniversal(UniversalTag.sequence))
    .map((certificate) => certificate.bytes);
}
