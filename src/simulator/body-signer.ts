import { hash, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
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
 * The private-key operation runs on libuv's thread pool, as each real device signs on its own
 * processor: a fleet of thousands in one process would otherwise spend most of its one thread
 * on RSA.
 */
export class BodySigner {
  readonly #privateKey: KeyObject;
  /** Everything of SignedData and SignerInfo that only the identity decides, encoded once: per message only the signing time, the digest and the signature change. */
  readonly #fixed: {
    readonly version: Uint8Array;
    readonly digestAlgorithm: Uint8Array;
    readonly digestAlgorithms: Uint8Array;
    readonly content: Uint8Array;
    readonly certificates: Uint8Array;
    readonly signerId: Uint8Array;
    readonly signatureAlgorithm: Uint8Array;
    readonly contentTypeAttribute: Uint8Array;
    readonly signedDataOid: Uint8Array;
  };
  #signingTime: { readonly second: number; readonly attribute: Uint8Array } | undefined;

  constructor(identity: SigningIdentity) {
    const certificate = parseCertificate(identity.certificate);
    const digestAlgorithm = der.sequence(der.oid(DigestOid.sha256), der.null());
    this.#privateKey = identity.privateKey;
    this.#fixed = {
      version: der.integer(1),
      digestAlgorithm,
      digestAlgorithms: der.set(digestAlgorithm),
      content: der.sequence(der.oid(CmsOid.data)),
      certificates: der.implicit(0, der.set(identity.certificate)),
      signerId: der.sequence(certificate.issuer, der.tagged(TagClass.universal, false, UniversalTag.integer, certificate.serial)),
      signatureAlgorithm: signatureAlgorithm(identity.privateKey),
      contentTypeAttribute: attribute(AttributeOid.contentType, der.oid(CmsOid.data)),
      signedDataOid: der.oid(CmsOid.signedData),
    };
  }

  /** The `Mdm-Signature` header value for `body`. */
  async header(body: Uint8Array, now: Date = new Date()): Promise<string> {
    return Buffer.from(await this.signedData(body, now)).toString('base64');
  }

  /** ContentInfo { signedData } with the content detached. */
  async signedData(body: Uint8Array, now: Date): Promise<Uint8Array> {
    const fixed = this.#fixed;
    const signedData = der.sequence(
      fixed.version,
      fixed.digestAlgorithms,
      fixed.content,
      fixed.certificates,
      der.set(await this.#signerInfo(body, now)),
    );
    return der.sequence(fixed.signedDataOid, der.explicit(0, signedData));
  }

  async #signerInfo(body: Uint8Array, now: Date): Promise<Uint8Array> {
    const fixed = this.#fixed;
    const attributes = der.set(
      fixed.contentTypeAttribute,
      this.#signingTimeAttribute(now),
      attribute(AttributeOid.messageDigest, der.octetString(hash('sha256', body, 'buffer'))),
    );
    // The signature covers the attributes as a SET (their DER), then they are stored as [0] IMPLICIT.
    const signature = await signInPool('sha256', attributes, this.#privateKey);
    return der.sequence(
      fixed.version,
      fixed.signerId,
      fixed.digestAlgorithm,
      der.implicit(0, attributes),
      fixed.signatureAlgorithm,
      der.octetString(signature),
    );
  }

  /** signingTime has a resolution of one second, so a device sending many messages a second encodes it once. */
  #signingTimeAttribute(now: Date): Uint8Array {
    const second = Math.floor(now.getTime() / 1000);
    if (this.#signingTime?.second !== second) {
      this.#signingTime = { second, attribute: attribute(AttributeOid.signingTime, der.time(now)) };
    }
    return this.#signingTime.attribute;
  }
}

/** `crypto.sign` with a callback: the signing runs on the thread pool. */
const signInPool = promisify((algorithm: string, data: Uint8Array, key: KeyObject, done: (error: Error | null, signature: Buffer) => void) =>
  sign(algorithm, data, key, done),
);

function attribute(oid: string, value: Uint8Array): Uint8Array {
  return der.sequence(der.oid(oid), der.set(value));
}

/** rsaEncryption, as iOS labels RSA signatures; ecdsa-with-SHA256 for EC identities. */
function signatureAlgorithm(key: KeyObject): Uint8Array {
  if (key.asymmetricKeyType === 'rsa') return der.sequence(der.oid(KeyOid.rsa), der.null());
  if (key.asymmetricKeyType === 'ec') return der.sequence(der.oid(signatureOid('ec', 'sha256')));
  throw new RangeError(`a device identity key must be RSA or EC, not ${key.asymmetricKeyType}`);
}
