import { createHmac, hash, randomBytes, type KeyObject } from 'node:crypto';
import { TagClass, UniversalTag, der } from '../../../formats/asn1/index.js';
import { DigestOid } from '../../../formats/x509/index.js';
import { MdmProtocolError } from '../../protocol/index.js';
import { bmpPassword, pkcs12Kdf, Pkcs12KeyPurpose } from './kdf.js';
import { Pkcs12Oid } from './oids.js';
import { SALT_LENGTH, shroudPrivateKey, type KeyProtection } from './shrouded-key.js';

/** An identity to pack into a PKCS #12 file. */
export interface Pkcs12Input {
  /** The identity certificate's DER. */
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  /** Not empty: some importers refuse an empty password, and they disagree on how to encode one. */
  readonly password: string;
  /** The keychain label; defaults to none. */
  readonly friendlyName?: string;
  /** Default `aes-256-cbc` (PBES2). */
  readonly protection?: KeyProtection;
  /** PBKDF2 / PKCS #12 KDF rounds for key and MAC; default 2048, as OpenSSL. */
  readonly iterations?: number;
}

/**
 * Encodes a PFX (RFC 7292): the certificate in a plain bag, the key in a shrouded bag, both
 * tagged with the same localKeyId, and an HMAC over the contents keyed from the password —
 * HMAC-SHA256 with PBES2, HMAC-SHA1 with the legacy triple-DES protection, as OpenSSL pairs them.
 * Throws `mdm.invalid_argument` for an empty password.
 */
export function encodePkcs12(input: Pkcs12Input): Uint8Array {
  if (input.password.length === 0) throw new MdmProtocolError('mdm.invalid_argument', 'a PKCS #12 password must not be empty');
  const protection = input.protection ?? 'aes-256-cbc';
  const iterations = input.iterations ?? 2048;
  const attributes = bagAttributes(input);
  const certificates = safeContents(
    bag(Pkcs12Oid.certBag, der.sequence(der.oid(Pkcs12Oid.x509Certificate), der.explicit(0, der.octetString(input.certificate))), attributes),
  );
  const keys = safeContents(
    bag(Pkcs12Oid.pkcs8ShroudedKeyBag, shroudPrivateKey(input.privateKey, input.password, protection, iterations), attributes),
  );
  const authenticatedSafe = der.sequence(dataContentInfo(certificates), dataContentInfo(keys));
  const digest = protection === 'aes-256-cbc' ? 'sha256' : 'sha1';
  return der.sequence(der.integer(3), dataContentInfo(authenticatedSafe), macData(authenticatedSafe, input.password, digest, iterations));
}

/** ContentInfo { id-data, [0] EXPLICIT OCTET STRING }. */
function dataContentInfo(content: Uint8Array): Uint8Array {
  return der.sequence(der.oid(Pkcs12Oid.data), der.explicit(0, der.octetString(content)));
}

function safeContents(...bags: Uint8Array[]): Uint8Array {
  return der.sequence(...bags);
}

function bag(type: string, value: Uint8Array, attributes: Uint8Array): Uint8Array {
  return der.sequence(der.oid(type), der.explicit(0, value), attributes);
}

/** localKeyId (the certificate's SHA-1, as OpenSSL writes it) pairs key and certificate. */
function bagAttributes(input: Pkcs12Input): Uint8Array {
  const attribute = (oid: string, value: Uint8Array) => der.sequence(der.oid(oid), der.set(value));
  const list = [attribute(Pkcs12Oid.localKeyId, der.octetString(hash('sha1', input.certificate, 'buffer')))];
  if (input.friendlyName) list.push(attribute(Pkcs12Oid.friendlyName, bmpString(input.friendlyName)));
  return der.set(...list);
}

function bmpString(text: string): Uint8Array {
  return der.tagged(TagClass.universal, false, UniversalTag.bmpString, bmpPassword(text).subarray(0, text.length * 2));
}

/** MacData { DigestInfo { algorithm, HMAC }, macSalt, iterations }. */
function macData(content: Uint8Array, password: string, digest: 'sha1' | 'sha256', iterations: number): Uint8Array {
  const salt = randomBytes(SALT_LENGTH);
  const key = pkcs12Kdf(digest, bmpPassword(password), salt, Pkcs12KeyPurpose.mac, iterations, digest === 'sha1' ? 20 : 32);
  const mac = createHmac(digest, key).update(content).digest();
  return der.sequence(
    der.sequence(der.sequence(der.oid(DigestOid[digest]), der.null()), der.octetString(mac)),
    der.octetString(salt),
    der.integer(iterations),
  );
}
