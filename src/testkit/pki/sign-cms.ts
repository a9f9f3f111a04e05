import { hash, sign, type KeyObject } from 'node:crypto';
import { TagClass, UniversalTag, ber, concatBytes, der } from '../../formats/asn1/index.js';
import { AttributeOid, CmsOid } from '../../formats/cms/index.js';
import { DigestOid, KeyOid, parseCertificate, signatureOid } from '../../formats/x509/index.js';
import { keyTypeOf } from './certificate.js';

/** How {@link signCms} signs and encodes. */
export interface SignCmsOptions {
  readonly signer: { readonly certificate: Uint8Array; readonly privateKey: KeyObject };
  /** More certificates to carry (intermediates, maybe the root); the signer's is always included first. */
  readonly chain: readonly Uint8Array[];
  readonly digest: 'sha1' | 'sha256';
  /** `ber` is Apple's layout: indefinite lengths, eContent as a chunked constructed OCTET STRING. */
  readonly encoding: 'ber' | 'der';
  /** Leave the content out of the message (MDM request signatures, code signatures). */
  readonly detached?: boolean;
  /** The signingTime attribute (default: now). */
  readonly signingTime?: Date;
}

/**
 * Signs `content` into a CMS SignedData the way Apple signs profiles: signed attributes
 * contentType, signingTime and messageDigest; RSA signatures labelled rsaEncryption.
 */
export function signCms(content: Uint8Array, options: SignCmsOptions): Uint8Array {
  return encodeSignedData({
    content,
    certificates: [options.signer.certificate, ...options.chain],
    signerInfos: [signerInfo(content, options)],
    digest: options.digest,
    encoding: options.encoding,
    detached: options.detached ?? false,
  });
}

/** The parts of a SignedData, for fixtures that {@link signCms} cannot make (no signer, odd content). */
export interface SignedDataParts {
  readonly content: Uint8Array;
  readonly certificates: readonly Uint8Array[];
  /** Encoded SignerInfo values; empty for an unsigned message. */
  readonly signerInfos: readonly Uint8Array[];
  readonly digest: 'sha1' | 'sha256';
  readonly encoding: 'ber' | 'der';
  readonly detached: boolean;
}

/** Encodes ContentInfo { signedData, SignedData } from its parts. */
export function encodeSignedData(parts: SignedDataParts): Uint8Array {
  const body = [
    der.integer(1),
    der.set(digestAlgorithm(parts.digest)),
    encapsulatedContent(parts),
    certificateSet(parts),
    der.set(...parts.signerInfos),
  ];
  if (parts.encoding === 'der') return der.sequence(der.oid(CmsOid.signedData), der.explicit(0, der.sequence(...body)));
  return ber.sequence(der.oid(CmsOid.signedData), ber.explicit(0, ber.sequence(...body)));
}

function encapsulatedContent(parts: SignedDataParts): Uint8Array {
  const type = der.oid(CmsOid.data);
  if (parts.detached) return parts.encoding === 'der' ? der.sequence(type) : ber.sequence(type);
  if (parts.encoding === 'der') return der.sequence(type, der.explicit(0, der.octetString(parts.content)));
  return ber.sequence(type, ber.explicit(0, ber.chunkedOctetString(parts.content)));
}

/** `[0] IMPLICIT SET OF Certificate`: sorted in DER; in message order for BER, as Apple writes it. */
function certificateSet(parts: SignedDataParts): Uint8Array {
  if (parts.encoding === 'der') return der.implicit(0, der.set(...parts.certificates));
  return der.tagged(TagClass.context, true, 0, concatBytes(parts.certificates));
}

function digestAlgorithm(digest: 'sha1' | 'sha256'): Uint8Array {
  return der.sequence(der.oid(DigestOid[digest]), der.null());
}

function signerInfo(content: Uint8Array, options: SignCmsOptions): Uint8Array {
  const certificate = parseCertificate(options.signer.certificate);
  const keyType = keyTypeOf(options.signer.privateKey);
  const attributes = der.set(
    attribute(AttributeOid.contentType, der.oid(CmsOid.data)),
    attribute(AttributeOid.signingTime, der.time(options.signingTime ?? new Date())),
    attribute(AttributeOid.messageDigest, der.octetString(hash(options.digest, content, 'buffer'))),
  );
  const signature = sign(options.digest, attributes, options.signer.privateKey);
  // Apple labels RSA signatures with the key algorithm (rsaEncryption), not sha1WithRSAEncryption.
  const algorithm = keyType === 'rsa'
    ? der.sequence(der.oid(KeyOid.rsa), der.null())
    : der.sequence(der.oid(signatureOid('ec', options.digest)));
  return der.sequence(
    der.integer(1),
    der.sequence(certificate.issuer, der.tagged(TagClass.universal, false, UniversalTag.integer, certificate.serial)),
    digestAlgorithm(options.digest),
    der.implicit(0, attributes),
    algorithm,
    der.octetString(signature),
  );
}

function attribute(oid: string, value: Uint8Array): Uint8Array {
  return der.sequence(der.oid(oid), der.set(value));
}
