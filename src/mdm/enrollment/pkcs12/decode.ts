import { createDecipheriv, createHmac, createPrivateKey, pbkdf2Sync, timingSafeEqual, X509Certificate, type KeyObject } from 'node:crypto';
import {
  TagClass,
  UniversalTag,
  decodeAsn1,
  readOctets,
  readOid,
  readSmallInteger,
  readText,
  type Asn1Element,
} from '../../../formats/asn1/index.js';
import { DigestOid } from '../../../formats/x509/index.js';
import { bmpPassword, pkcs12Kdf, Pkcs12KeyPurpose } from './kdf.js';
import { Pkcs12Oid } from './oids.js';

/**
 * Why a PKCS #12 file could not be read. Codes are stable:
 * - `pkcs12.invalid`         not a PFX, or a structure that does not follow RFC 7292
 * - `pkcs12.wrong_password`  the MAC (or, without one, the key decryption) fails with this password
 * - `pkcs12.unsupported`     an algorithm this reader does not implement (RC2, public-key integrity, ...)
 * - `pkcs12.no_identity`     no private key, or no certificate that belongs to it
 */
export type Pkcs12ErrorCode = 'pkcs12.invalid' | 'pkcs12.wrong_password' | 'pkcs12.unsupported' | 'pkcs12.no_identity';

/** The one error {@link decodePkcs12} throws. */
export class Pkcs12Error extends Error {
  override readonly name = 'Pkcs12Error';

  constructor(
    readonly code: Pkcs12ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The identity a PFX carries. */
export interface DecodedPkcs12 {
  /** DER of the certificate that belongs to the private key. */
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  /** Every other certificate in the file (intermediates, roots). */
  readonly otherCertificates: readonly Uint8Array[];
  readonly friendlyName: string | undefined;
}

/** Beyond this a file is a denial-of-service attempt, not a key store (OpenSSL writes 2048). */
const MAX_ITERATIONS = 1_000_000;
const MAX_BYTES = 1_000_000;

const Oid = {
  ...Pkcs12Oid,
  keyBag: '1.2.840.113549.1.12.10.1.1',
  encryptedData: '1.2.840.113549.1.7.6',
  hmacWithSha1: '1.2.840.113549.2.7',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
} as const;

const AES_KEY_LENGTH: Readonly<Record<string, number>> = { [Oid.aes128Cbc]: 16, [Oid.aes192Cbc]: 24, [Oid.aes256Cbc]: 32 };
const PRF_DIGEST: Readonly<Record<string, 'sha1' | 'sha256'>> = { [Oid.hmacWithSha1]: 'sha1', [Oid.hmacWithSha256]: 'sha256' };

interface Bag {
  readonly type: string;
  readonly value: Asn1Element;
  readonly friendlyName: string | undefined;
}

/**
 * Reads a PFX (RFC 7292) the way a device imports the identity of an enrollment profile: checks
 * the password-based MAC, decrypts shrouded key bags (PBES2 with PBKDF2 and AES-CBC, or the
 * legacy pbeWithSHAAnd3-KeyTripleDES-CBC) and encrypted safes of the same kinds, and pairs the
 * key with its certificate. Throws {@link Pkcs12Error}.
 */
export function decodePkcs12(bytes: Uint8Array, password: string): DecodedPkcs12 {
  if (bytes.length > MAX_BYTES) throw new Pkcs12Error('pkcs12.invalid', `a PKCS #12 file over ${MAX_BYTES} bytes is refused`);
  const bags = structural(() => readBags(bytes, password));
  return pairIdentity(bags, password);
}

function readBags(bytes: Uint8Array, password: string): Bag[] {
  const [version, authSafe, macData] = sequence(decodeAsn1(bytes), 'PFX');
  if (!version || readSmallInteger(version) !== 3) throw invalid('PFX version must be 3');
  const authenticatedSafe = dataContent(authSafe, 'authSafe');
  if (macData) verifyMac(macData, authenticatedSafe, password);
  return sequence(decodeAsn1(authenticatedSafe), 'AuthenticatedSafe').flatMap((info) => safeBags(info, password));
}

/** The octets of a ContentInfo of type id-data. */
function dataContent(info: Asn1Element | undefined, what: string): Uint8Array {
  const [type, content] = sequence(info, what);
  if (!type || readOid(type) !== Oid.data) throw new Pkcs12Error('pkcs12.unsupported', `${what} is not id-data (public-key integrity mode?)`);
  return readOctets(explicitInner(content, what));
}

function verifyMac(macData: Asn1Element, content: Uint8Array, password: string): void {
  const [digestInfo, saltElement, iterationsElement] = sequence(macData, 'MacData');
  const [algorithm, expected] = sequence(digestInfo, 'DigestInfo');
  const digest = digestName(algorithmOid(algorithm, 'MAC algorithm'));
  const iterations = iterationsElement ? boundedIterations(readSmallInteger(iterationsElement)) : 1;
  const salt = readOctets(required(saltElement, 'macSalt'));
  const key = pkcs12Kdf(digest, bmpPassword(password), salt, Pkcs12KeyPurpose.mac, iterations, digest === 'sha1' ? 20 : 32);
  const actual = createHmac(digest, key).update(content).digest();
  const wanted = readOctets(required(expected, 'MAC digest'));
  if (actual.length !== wanted.length || !timingSafeEqual(actual, wanted)) {
    throw new Pkcs12Error('pkcs12.wrong_password', 'the PKCS #12 password is wrong (the integrity MAC does not match)');
  }
}

function digestName(oid: string): 'sha1' | 'sha256' {
  if (oid === DigestOid.sha1) return 'sha1';
  if (oid === DigestOid.sha256) return 'sha256';
  throw new Pkcs12Error('pkcs12.unsupported', `unsupported MAC digest ${oid}`);
}

/** The bags of one AuthenticatedSafe entry, plain (id-data) or password-encrypted (id-encryptedData). */
function safeBags(info: Asn1Element, password: string): Bag[] {
  const [type] = sequence(info, 'ContentInfo');
  const contentType = readOid(required(type, 'contentType'));
  if (contentType === Oid.data) return readSafeContents(dataContent(info, 'SafeContents'));
  if (contentType !== Oid.encryptedData) throw new Pkcs12Error('pkcs12.unsupported', `unsupported safe content type ${contentType}`);
  const [, encryptedDataElement] = sequence(info, 'ContentInfo');
  const [, encryptedContentInfo] = sequence(explicitInner(encryptedDataElement, 'EncryptedData'), 'EncryptedData');
  const [, algorithm, encrypted] = sequence(encryptedContentInfo, 'EncryptedContentInfo');
  if (!encrypted?.isContext(0)) throw invalid('EncryptedContentInfo has no encryptedContent');
  const ciphertext = encrypted.constructed ? concatChunks(encrypted) : encrypted.content;
  return readSafeContents(decrypt(required(algorithm, 'content encryption algorithm'), ciphertext, password));
}

function concatChunks(element: Asn1Element): Uint8Array {
  return Buffer.concat(element.children().map((chunk) => readOctets(chunk)));
}

function readSafeContents(bytes: Uint8Array): Bag[] {
  return sequence(decodeAsn1(bytes), 'SafeContents').map((bag) => {
    const [type, value, attributes] = sequence(bag, 'SafeBag');
    return { type: readOid(required(type, 'bagId')), value: explicitInner(value, 'bagValue'), friendlyName: friendlyNameOf(attributes) };
  });
}

function friendlyNameOf(attributes: Asn1Element | undefined): string | undefined {
  for (const attribute of attributes?.children() ?? []) {
    const [type, values] = sequence(attribute, 'attribute');
    const first = values?.children()[0];
    if (type && readOid(type) === Oid.friendlyName && first) return readText(first);
  }
  return undefined;
}

/** Finds the private key and the certificate whose public key matches it. */
function pairIdentity(bags: readonly Bag[], password: string): DecodedPkcs12 {
  const keyBag = bags.find((bag) => bag.type === Oid.pkcs8ShroudedKeyBag || bag.type === Oid.keyBag);
  if (!keyBag) throw new Pkcs12Error('pkcs12.no_identity', 'the PKCS #12 file holds no private key');
  const privateKey = structural(() => readPrivateKey(keyBag, password));
  const certificates = structural(() => bags.filter((bag) => bag.type === Oid.certBag).map(readCertificate));
  const index = certificates.findIndex((der) => new X509Certificate(der).checkPrivateKey(privateKey));
  const certificate = certificates[index];
  if (!certificate) throw new Pkcs12Error('pkcs12.no_identity', 'no certificate in the PKCS #12 file belongs to its private key');
  return {
    certificate,
    privateKey,
    otherCertificates: certificates.filter((_, position) => position !== index),
    friendlyName: keyBag.friendlyName ?? bags.find((bag) => bag.type === Oid.certBag)?.friendlyName,
  };
}

function readPrivateKey(bag: Bag, password: string): KeyObject {
  if (bag.type === Oid.keyBag) return createPrivateKey({ key: Buffer.from(bag.value.bytes), format: 'der', type: 'pkcs8' });
  const [algorithm, encrypted] = sequence(bag.value, 'EncryptedPrivateKeyInfo');
  const pkcs8 = decrypt(required(algorithm, 'key encryption algorithm'), readOctets(required(encrypted, 'encryptedData')), password);
  return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
}

function readCertificate(bag: Bag): Uint8Array {
  const [type, value] = sequence(bag.value, 'CertBag');
  if (!type || readOid(type) !== Oid.x509Certificate) throw new Pkcs12Error('pkcs12.unsupported', 'a certificate bag that is not X.509');
  const der = new Uint8Array(readOctets(explicitInner(value, 'certValue')));
  new X509Certificate(der); // throws on anything that is not a certificate
  return der;
}

/** Decrypts with a password-based scheme: PBES2 (PBKDF2 + AES-CBC) or PKCS #12 triple-DES. */
function decrypt(algorithm: Asn1Element, ciphertext: Uint8Array, password: string): Uint8Array {
  const [oidElement, parameters] = sequence(algorithm, 'AlgorithmIdentifier');
  const oid = readOid(required(oidElement, 'algorithm'));
  const { cipher, key, iv } =
    oid === Oid.pbes2
      ? pbes2Key(required(parameters, 'PBES2 parameters'), password)
      : oid === Oid.pbeWithShaAnd3KeyTripleDesCbc
        ? tripleDesKey(required(parameters, 'PBE parameters'), password)
        : unsupported(`unsupported encryption ${oid}`);
  try {
    const decipher = createDecipheriv(cipher, key, iv);
    return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch (error) {
    throw new Pkcs12Error('pkcs12.wrong_password', 'the PKCS #12 password is wrong (decryption fails)', { cause: error });
  }
}

interface CipherKey {
  readonly cipher: string;
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
}

function pbes2Key(parameters: Asn1Element, password: string): CipherKey {
  const [kdf, scheme] = sequence(parameters, 'PBES2-params');
  const [kdfOid, kdfParameters] = sequence(kdf, 'keyDerivationFunc');
  if (readOid(required(kdfOid, 'KDF')) !== Oid.pbkdf2) throw new Pkcs12Error('pkcs12.unsupported', 'PBES2 without PBKDF2');
  const [schemeOid, ivElement] = sequence(scheme, 'encryptionScheme');
  const cipherOid = readOid(required(schemeOid, 'cipher'));
  const keyLength = AES_KEY_LENGTH[cipherOid] ?? unsupported(`unsupported PBES2 cipher ${cipherOid}`);
  const [salt, iterations, ...rest] = sequence(kdfParameters, 'PBKDF2-params');
  const prf = rest.find((element) => element.isUniversal(UniversalTag.sequence));
  const prfOid = prf ? algorithmOid(prf, 'PBKDF2 PRF') : Oid.hmacWithSha1;
  const digest = PRF_DIGEST[prfOid] ?? unsupported(`unsupported PBKDF2 PRF ${prfOid}`);
  const rounds = boundedIterations(readSmallInteger(required(iterations, 'iterationCount')));
  // PBKDF2 takes the password's UTF-8 bytes, not the BMP form the PKCS #12 KDF uses.
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), readOctets(required(salt, 'PBKDF2 salt')), rounds, keyLength, digest);
  return { cipher: `aes-${keyLength * 8}-cbc`, key, iv: readOctets(required(ivElement, 'IV')) };
}

function tripleDesKey(parameters: Asn1Element, password: string): CipherKey {
  const [saltElement, iterationsElement] = sequence(parameters, 'PBE parameters');
  const salt = readOctets(required(saltElement, 'PBE salt'));
  const iterations = boundedIterations(readSmallInteger(required(iterationsElement, 'PBE iterations')));
  const secret = bmpPassword(password);
  return {
    cipher: 'des-ede3-cbc',
    key: pkcs12Kdf('sha1', secret, salt, Pkcs12KeyPurpose.key, iterations, 24),
    iv: pkcs12Kdf('sha1', secret, salt, Pkcs12KeyPurpose.iv, iterations, 8),
  };
}

function algorithmOid(element: Asn1Element | undefined, what: string): string {
  return readOid(required(sequence(element, what)[0], what));
}

function boundedIterations(count: number): number {
  if (count < 1 || count > MAX_ITERATIONS) throw invalid(`iteration count ${count} outside 1…${MAX_ITERATIONS}`);
  return count;
}

/** The children of a SEQUENCE (or SET), or `pkcs12.invalid` naming `what`. */
function sequence(element: Asn1Element | undefined, what: string): readonly Asn1Element[] {
  const isContainer = element?.isUniversal(UniversalTag.sequence) || element?.isUniversal(UniversalTag.set);
  if (!element || !isContainer) throw invalid(`${what} is not a SEQUENCE`);
  return element.children();
}

/** The one element inside `[0] EXPLICIT`. */
function explicitInner(element: Asn1Element | undefined, what: string): Asn1Element {
  if (!element?.is(TagClass.context, 0) || !element.constructed) throw invalid(`${what} is not [0] EXPLICIT`);
  return required(element.children()[0], what);
}

function required(element: Asn1Element | undefined, what: string): Asn1Element {
  if (!element) throw invalid(`${what} is missing`);
  return element;
}

/** Runs `read`, turning ASN.1 and crypto failures into `pkcs12.invalid`; our own errors pass through. */
function structural<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw new Pkcs12Error('pkcs12.invalid', `not a readable PKCS #12 file: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

function invalid(message: string): Pkcs12Error {
  return new Pkcs12Error('pkcs12.invalid', `PKCS #12: ${message}`);
}

function unsupported(message: string): never {
  throw new Pkcs12Error('pkcs12.unsupported', message);
}
