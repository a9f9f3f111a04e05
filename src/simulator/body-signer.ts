import { hash, sign, type KeyObject } from 'node:crypto';
import { TagClass, UniversalTag, der } from '../formats/asn1/index.js';
import { AttributeOid, CmsOid } from '../formats/cms/index.js';
import { DigestOid, KeyOid, parseCertificate, signatureOid } from '../formats/x509/index.js';

/** The identity a device signs its messages with. */
export interface SigningIdentity {
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
}

/**
 * Signs MDM message bodies as iOS does for `SignMessage`: the `Mdm-Signature` header is base64
 * of a DER CMS SignedData (SHA-256, signed attributes contentType, signingTime, messageDigest)
 * whose content is left out, carrying the identity certificate. The certificate is parsed once.
 */
export class BodySigner {
  readonly #identity: SigningIdentity;
  readonly #signerId: Uint8Array;
  readonly #algorithm: Uint8Array;

  constructor(identity: SigningIdentity) {
    const certificate = parseCertificate(identity.certificate);
    this.#identity = identity;
    this.#signerId = der.sequence(certificate.issuer, der.tagged(TagClass.universal, false, UniversalTag.integer, certificate.serial));
    this.#algorithm = signatureAlgorithm(identity.privateKey);
  }

  /** The `Mdm-Signature` header value for `body`. */
  header(body: Uint8Array, now: Date = new Date()): string {
    return Buffer.from(this.signedData(body, now)).toString('base64');
  }

  /** ContentInfo { signedData } with the content detached. */
  signedData(body: Uint8Array, now: Date): Uint8Array {
    const digestAlgorithm = der.sequence(der.oid(DigestOid.sha256), der.null());
    const signedData = der.sequence(
      der.integer(1),
      der.set(digestAlgorithm),
      der.sequence(der.oid(CmsOid.data)),
      der.implicit(0, der.set(this.#identity.certificate)),
      der.set(this.#signerInfo(body, digestAlgorithm, now)),
    );
    return der.sequence(der.oid(CmsOid.signedData), der.explicit(0, signedData));
  }

  #signerInfo(body: Uint8Array, digestAlgorithm: Uint8Array, now: Date): Uint8Array {
    const attributes = der.set(
      attribute(AttributeOid.contentType, der.oid(CmsOid.data)),
      attribute(AttributeOid.signingTime, der.time(now)),
      attribute(AttributeOid.messageDigest, der.octetString(hash('sha256', body, 'buffer'))),
    );
    // The signature covers the attributes as a SET (their DER), then they are stored as [0] IMPLICIT.
    const signature = sign('sha256', attributes, this.#identity.privateKey);
    return der.sequence(
      der.integer(1),
      this.#signerId,
      digestAlgorithm,
      der.implicit(0, attributes),
      this.#algorithm,
      der.octetString(signature),
    );
  }
}

function attribute(oid: string, value: Uint8Array): Uint8Array {
  return der.sequence(der.oid(oid), der.set(value));
}

/** rsaEncryption, as iOS labels RSA signatures; ecdsa-with-SHA256 for EC identities. */
function signatureAlgorithm(key: KeyObject): Uint8Array {
  if (key.asymmetricKeyType === 'rsa') return der.sequence(der.oid(KeyOid.rsa), der.null());
  if (key.asymmetricKeyType === 'ec') return der.sequence(der.oid(signatureOid('ec', 'sha256')));
  throw new RangeError(`a device identity key must be RSA or EC, not ${key.asymmetricKeyType}`);
}
