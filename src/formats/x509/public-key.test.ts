import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TagClass, UniversalTag, der } from '../asn1/index.js';
import { KeyOid } from './algorithms.js';
import { importPublicKey } from './public-key.js';

function spkiOf(key: KeyObject): Uint8Array {
  return new Uint8Array(key.export({ format: 'der', type: 'spki' }));
}

/** A SubjectPublicKeyInfo for an RSAPublicKey given as raw INTEGER contents. */
function rsaSpki(modulus: Uint8Array, exponent: Uint8Array): Uint8Array {
  const integer = (content: Uint8Array) => der.tagged(TagClass.universal, false, UniversalTag.integer, content);
  const key = der.sequence(integer(modulus), integer(exponent));
  return der.sequence(der.sequence(der.oid(KeyOid.rsa), der.null()), der.bitString(key));
}

describe('importPublicKey', () => {
  const cases: [string, () => { publicKey: KeyObject; privateKey: KeyObject }][] = [
    ['RSA-2048', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['RSA-3072 with exponent 3', () => generateKeyPairSync('rsa', { modulusLength: 3072, publicExponent: 3 })],
    ['EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['EC P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['EC P-521', () => generateKeyPairSync('ec', { namedCurve: 'P-521' })],
    ['Ed25519 (left to OpenSSL)', () => generateKeyPairSync('ed25519')],
  ];

  it.each(cases)('gives back the same %s key, which checks its signatures', (_name, generate) => {
    const { publicKey, privateKey } = generate();
    const imported = importPublicKey(spkiOf(publicKey));
    expect(imported).not.toBeNull();
    expect(imported!.export({ format: 'der', type: 'spki' })).toEqual(publicKey.export({ format: 'der', type: 'spki' }));
    const data = Buffer.from('an MDM message body');
    const digest = publicKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    expect(verify(digest, data, imported!, sign(digest, data, privateKey))).toBe(true);
    expect(verify(digest, Buffer.from('another body'), imported!, sign(digest, data, privateKey))).toBe(false);
  });

  it('imports an EC key with a compressed point through OpenSSL', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const compressed = createPublicKey({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' });
    const point = new Uint8Array(compressed.export({ format: 'der', type: 'spki' })).slice(-65);
    const prefix = (point[64]! & 1) === 0 ? 0x02 : 0x03;
    const spki = der.sequence(
      der.sequence(der.oid(KeyOid.ec), der.oid('1.2.840.10045.3.1.7')),
      der.bitString(new Uint8Array([prefix, ...point.subarray(1, 33)])),
    );
    expect(importPublicKey(spki)?.export({ format: 'jwk' })).toEqual(publicKey.export({ format: 'jwk' }));
  });

  it('strips the sign octet of the modulus and keeps its leading bits', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' });
    const modulus = Buffer.from(jwk.n!, 'base64url');
    const exponent = Buffer.from(jwk.e!, 'base64url');
    const imported = importPublicKey(rsaSpki(new Uint8Array([0, ...modulus]), exponent));
    expect(imported?.export({ format: 'jwk' })).toEqual(jwk);
  });

  it('leaves RSA numbers that are no key (negative, zero) to OpenSSL, as every key was before', () => {
    const negative = rsaSpki(new Uint8Array([0x80, 1, 2, 3]), new Uint8Array([1, 0, 1]));
    const zero = rsaSpki(new Uint8Array([0, 0xc1, 2, 3]), new Uint8Array([0]));
    for (const spki of [negative, zero]) {
      const imported = importPublicKey(spki);
      expect(imported?.export({ format: 'der', type: 'spki' })).toEqual(createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ format: 'der', type: 'spki' }));
    }
  });

  it.each([
    ['empty input', new Uint8Array()],
    ['not DER', new Uint8Array([1, 2, 3, 4])],
    ['an EC point off the curve', der.sequence(der.sequence(der.oid(KeyOid.ec), der.oid('1.2.840.10045.3.1.7')), der.bitString(Uint8Array.of(4, ...new Uint8Array(64))))],
    ['an unknown algorithm', der.sequence(der.sequence(der.oid('1.2.3.4')), der.bitString(new Uint8Array([1, 2, 3])))],
  ])('gives null for %s', (_name, spki) => {
    expect(importPublicKey(spki)).toBeNull();
  });
});
