import { spawnSync } from 'node:child_process';
import { createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { der } from '../../../formats/asn1/index.js';
import { issueCertificate, sharedTestKeyPair } from '../../../testkit/pki/index.js';
import { decodePkcs12, Pkcs12Error } from './decode.js';
import { encodePkcs12 } from './pfx.js';
import type { KeyProtection } from './shrouded-key.js';

const identity = issueCertificate({
  subject: { commonName: 'Provisio Test Decode Identity', organization: 'Example Corp' },
  keyPair: sharedTestKeyPair('rsa', 'pkcs12-decode-test'),
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2035-01-01T00:00:00Z'),
});

function pfx(password: string, protection?: KeyProtection): Uint8Array {
  return encodePkcs12({ certificate: identity.der, privateKey: identity.privateKey, password, friendlyName: 'Device identity', protection });
}

function thrown(run: () => unknown): Pkcs12Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Pkcs12Error) return error;
    throw error;
  }
  throw new Error('expected a Pkcs12Error');
}

describe('decodePkcs12', () => {
  it.each<KeyProtection>(['aes-256-cbc', 'legacy-3des'])('reads back what encodePkcs12 wrote (%s)', (protection) => {
    const decoded = decodePkcs12(pfx('pässwörd ✓', protection), 'pässwörd ✓');
    expect(new X509Certificate(decoded.certificate).fingerprint256).toBe(new X509Certificate(identity.der).fingerprint256);
    expect(createPublicKey(decoded.privateKey).equals(identity.publicKey)).toBe(true);
    expect(decoded.friendlyName).toBe('Device identity');
    expect(decoded.otherCertificates).toEqual([]);
    const signature = sign('sha256', Buffer.from('body'), decoded.privateKey);
    expect(verify('sha256', Buffer.from('body'), identity.publicKey, signature)).toBe(true);
  });

  it.each<KeyProtection>(['aes-256-cbc', 'legacy-3des'])('says the password is wrong, not that the file is broken (%s)', (protection) => {
    const error = thrown(() => decodePkcs12(pfx('right', protection), 'wrong'));
    expect(error).toMatchObject({ code: 'pkcs12.wrong_password' });
    expect(error.message).toMatch(/password is wrong/);
  });

  it('refuses bytes that are not a PFX', () => {
    expect(() => decodePkcs12(new TextEncoder().encode('<plist/>'), 'p')).toThrow(expect.objectContaining({ code: 'pkcs12.invalid' }));
    expect(() => decodePkcs12(der.sequence(der.integer(2)), 'p')).toThrow(expect.objectContaining({ code: 'pkcs12.invalid' }));
  });

  it('refuses a file whose MAC was computed over other contents', () => {
    const bytes = pfx('p', 'aes-256-cbc');
    const tampered = new Uint8Array(bytes);
    tampered[bytes.length - 60] = tampered[bytes.length - 60]! ^ 0xff;
    expect(thrown(() => decodePkcs12(tampered, 'p')).code).toMatch(/^pkcs12\./);
  });

  it('rejects hostile iteration counts within a second', () => {
    const started = Date.now();
    const hostile = der.sequence(
      der.integer(3),
      der.sequence(der.oid('1.2.840.113549.1.7.1'), der.explicit(0, der.octetString(der.sequence()))),
      der.sequence(der.sequence(der.sequence(der.oid('1.3.14.3.2.26'), der.null()), der.octetString(new Uint8Array(20))), der.octetString(new Uint8Array(8)), der.integer(2_000_000_000)),
    );
    expect(() => decodePkcs12(hostile, 'p')).toThrow(expect.objectContaining({ code: 'pkcs12.invalid' }));
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(!HAS_OPENSSL)('decodePkcs12 on files openssl wrote', () => {
  const directory = mkdtempSync(join(tmpdir(), 'provisio-pkcs12-decode-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads certificates from an encrypted safe (openssl pkcs12 -export defaults)', () => {
    writeFileSync(join(directory, 'cert.pem'), identity.pem);
    writeFileSync(join(directory, 'key.pem'), identity.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const out = join(directory, 'identity.p12');
    const result = spawnSync('openssl', ['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', out, '-passout', 'pass:secret'], {
      cwd: directory,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
    const decoded = decodePkcs12(readFileSync(out), 'secret');
    expect(new X509Certificate(decoded.certificate).fingerprint256).toBe(new X509Certificate(identity.der).fingerprint256);
    expect(createPublicKey(decoded.privateKey).equals(identity.publicKey)).toBe(true);
  });
});
