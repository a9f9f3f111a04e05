import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { KeyType } from '../../formats/x509/index.js';

/** A key pair for test certificates and signatures. */
export interface TestKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A fresh RSA-2048 (what Apple uses; slow to make, ~0.1–0.5 s) or P-256 key pair. */
export function generateTestKeyPair(keyType: KeyType = 'rsa'): TestKeyPair {
  if (keyType === 'ec') return generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

const shared = new Map<string, TestKeyPair>();

/**
 * A key pair made once per process for `name`: tests and benchmarks that need many
 * certificates reuse these instead of paying for RSA key generation each time.
 */
export function sharedTestKeyPair(keyType: KeyType, name: string): TestKeyPair {
  const key = `${keyType}:${name}`;
  let pair = shared.get(key);
  if (!pair) {
    pair = generateTestKeyPair(keyType);
    shared.set(key, pair);
  }
  return pair;
}
