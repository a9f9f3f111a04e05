import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { UniversalTag, asBuffer, decodeAsn1, readBitString, readIntegerBytes, readOid, type Asn1Element } from '../asn1/index.js';
import { KeyOid } from './algorithms.js';

/** Named curves a JWK can carry, by the OID an EC SubjectPublicKeyInfo names them with. */
const CURVES: ReadonlyMap<string, { readonly name: string; readonly coordinateBytes: number }> = new Map([
  ['1.2.840.10045.3.1.7', { name: 'P-256', coordinateBytes: 32 }],
  ['1.3.132.0.34', { name: 'P-384', coordinateBytes: 48 }],
  ['1.3.132.0.35', { name: 'P-521', coordinateBytes: 66 }],
]);
/** SEC 1 prefix of an uncompressed point: 0x04, then x, then y. */
const UNCOMPRESSED = 0x04;

/**
 * The public key of a DER SubjectPublicKeyInfo, or `null` when node:crypto cannot use it.
 *
 * RSA keys and EC keys on P-256, P-384 and P-521 are handed to node:crypto as JWK, their numbers
 * read here: importing DER goes through OpenSSL 3's decoder lookup, which costs about 0.1 ms a key
 * (0.25 ms on a busy server) against a few microseconds for the JWK. Anything else (compressed
 * points, other curves and algorithms) is imported as DER.
 */
export function importPublicKey(subjectPublicKeyInfo: Uint8Array): KeyObject | null {
  try {
    const jwk = jwkOf(subjectPublicKeyInfo);
    return jwk
      ? createPublicKey({ key: jwk, format: 'jwk' })
      : createPublicKey({ key: asBuffer(subjectPublicKeyInfo), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** The key as JWK when it is one read here; `null` leaves it to OpenSSL. Throws on malformed DER. */
function jwkOf(subjectPublicKeyInfo: Uint8Array): JsonWebKey | null {
  const spki = decodeAsn1(subjectPublicKeyInfo);
  const [algorithm, keyBits] = children(spki);
  const [algorithmOid, parameters] = children(algorithm);
  if (!algorithmOid?.isUniversal(UniversalTag.objectIdentifier) || !keyBits?.isUniversal(UniversalTag.bitString)) return null;
  const key = readBitString(keyBits);
  if (key.unusedBits !== 0) return null;
  switch (readOid(algorithmOid)) {
    case KeyOid.rsa:
      return rsaJwk(key.bytes);
    case KeyOid.ec:
      return parameters?.isUniversal(UniversalTag.objectIdentifier) ? ecJwk(readOid(parameters), key.bytes) : null;
    default:
      return null;
  }
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
function rsaJwk(rsaPublicKey: Uint8Array): JsonWebKey | null {
  const [modulus, exponent, extra] = children(decodeAsn1(rsaPublicKey));
  if (!modulus?.isUniversal(UniversalTag.integer) || !exponent?.isUniversal(UniversalTag.integer) || extra) return null;
  const n = unsigned(readIntegerBytes(modulus));
  const e = unsigned(readIntegerBytes(exponent));
  // Negative or zero numbers are no RSA key: OpenSSL decides what to make of them, as before.
  if (n === null || e === null) return null;
  return { kty: 'RSA', n: base64url(n), e: base64url(e) };
}

function ecJwk(curveOid: string, point: Uint8Array): JsonWebKey | null {
  const curve = CURVES.get(curveOid);
  if (!curve || point.length !== 1 + 2 * curve.coordinateBytes || point[0] !== UNCOMPRESSED) return null;
  const x = point.subarray(1, 1 + curve.coordinateBytes);
  const y = point.subarray(1 + curve.coordinateBytes);
  return { kty: 'EC', crv: curve.name, x: base64url(x), y: base64url(y) };
}

/** A positive INTEGER's magnitude without the sign octet; `null` for zero or a negative value. */
function unsigned(content: Uint8Array): Uint8Array | null {
  if ((content[0]! & 0x80) !== 0) return null;
  let start = 0;
  while (start < content.length - 1 && content[start] === 0) start++;
  return content[start] === 0 ? null : content.subarray(start);
}

function children(element: Asn1Element | undefined): readonly Asn1Element[] {
  return element?.isUniversal(UniversalTag.sequence) && element.constructed ? element.children() : [];
}

function base64url(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('base64url');
}
