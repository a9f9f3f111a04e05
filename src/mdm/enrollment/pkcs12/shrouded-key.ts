import { createCipheriv, pbkdf2Sync, randomBytes, type KeyObject } from 'node:crypto';
import { der } from '../../../formats/asn1/index.js';
import { bmpPassword, pkcs12Kdf, Pkcs12KeyPurpose } from './kdf.js';
import { Pkcs12Oid } from './oids.js';

/**
 * How the private key is encrypted:
 * - `aes-256-cbc`: PBES2 with PBKDF2-HMAC-SHA256 (OpenSSL 3's default);
 * - `legacy-3des`: pbeWithSHAAnd3-KeyTripleDES-CBC, which every iOS and macOS release imports.
 */
export type KeyProtection = 'aes-256-cbc' | 'legacy-3des';

/** OpenSSL's defaults: 8-byte salts (macOS has refused 16-byte MAC salts) and 2048 rounds. */
export const SALT_LENGTH = 8;

/** EncryptedPrivateKeyInfo (RFC 5958) holding the key's PKCS #8 encoding. */
export function shroudPrivateKey(privateKey: KeyObject, password: string, protection: KeyProtection, iterations: number): Uint8Array {
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const salt = randomBytes(SALT_LENGTH);
  const { algorithm, encrypted } =
    protection === 'aes-256-cbc' ? withPbes2(pkcs8, password, salt, iterations) : withTripleDes(pkcs8, password, salt, iterations);
  return der.sequence(algorithm, der.octetString(encrypted));
}

interface Encryption {
  readonly algorithm: Uint8Array;
  readonly encrypted: Uint8Array;
}

function withPbes2(plain: Uint8Array, password: string, salt: Uint8Array, iterations: number): Encryption {
  const iv = randomBytes(16);
  // PBKDF2 takes the password's own bytes (UTF-8), unlike the PKCS #12 KDF.
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const kdf = der.sequence(
    der.oid(Pkcs12Oid.pbkdf2),
    der.sequence(der.octetString(salt), der.integer(iterations), der.sequence(der.oid(Pkcs12Oid.hmacWithSha256), der.null())),
  );
  const scheme = der.sequence(der.oid(Pkcs12Oid.aes256Cbc), der.octetString(iv));
  return {
    algorithm: der.sequence(der.oid(Pkcs12Oid.pbes2), der.sequence(kdf, scheme)),
    encrypted: encrypt('aes-256-cbc', key, iv, plain),
  };
}

function withTripleDes(plain: Uint8Array, password: string, salt: Uint8Array, iterations: number): Encryption {
  const secret = bmpPassword(password);
  const key = pkcs12Kdf('sha1', secret, salt, Pkcs12KeyPurpose.key, iterations, 24);
  const iv = pkcs12Kdf('sha1', secret, salt, Pkcs12KeyPurpose.iv, iterations, 8);
  return {
    algorithm: der.sequence(der.oid(Pkcs12Oid.pbeWithShaAnd3KeyTripleDesCbc), der.sequence(der.octetString(salt), der.integer(iterations))),
    encrypted: encrypt('des-ede3-cbc', key, iv, plain),
  };
}

function encrypt(cipherName: string, key: Uint8Array, iv: Uint8Array, plain: Uint8Array): Uint8Array {
  const cipher = createCipheriv(cipherName, key, iv);
  return new Uint8Array(Buffer.concat([cipher.update(plain), cipher.final()]));
}
