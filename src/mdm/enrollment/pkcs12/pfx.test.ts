import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueCertificate, sharedTestKeyPair } from '../../../testkit/pki/index.js';
import { encodePkcs12 } from './pfx.js';

const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;
const directory = mkdtempSync(join(tmpdir(), 'provisio-pkcs12-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const identity = issueCertificate({
  subject: { commonName: 'Provisio Test PKCS12 Identity', organization: 'Example Corp' },
  keyPair: sharedTestKeyPair('rsa', 'pkcs12-test'),
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2035-01-01T00:00:00Z'),
});

/** What `openssl pkcs12 -info -nodes` prints (stdout and stderr), or throws when it fails. */
function opensslInfo(pfx: Uint8Array, password: string): string {
  const path = join(directory, `${Math.random().toString(36).slice(2)}.p12`);
  writeFileSync(path, pfx);
  const result = spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-in', path, '-passin', `pass:${password}`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  return `${result.stdout}\n${result.stderr}`;
}

function pemBlock(text: string, label: string): string {
  const match = new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----`).exec(text);
  if (!match) throw new Error(`no ${label} in openssl output`);
  return match[0];
}

describe.skipIf(!HAS_OPENSSL)('encodePkcs12, read back by openssl pkcs12', () => {
  it('writes PBES2 / AES-256-CBC / PBKDF2-SHA256 key bags with a SHA-256 MAC by default', () => {
    const password = 'correct horse battery staple';
    const output = opensslInfo(
      encodePkcs12({ certificate: identity.der, privateKey: identity.privateKey, password, friendlyName: 'Device identity' }),
      password,
    );
    expect(output).toContain('MAC: sha256, Iteration 2048');
    expect(output).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256');
    expect(output).toContain('friendlyName: Device identity');
    expect(new X509Certificate(pemBlock(output, 'CERTIFICATE')).fingerprint256).toBe(new X509Certificate(identity.der).fingerprint256);
    const key = createPrivateKey(pemBlock(output, 'PRIVATE KEY'));
    expect(createPublicKey(key).equals(identity.publicKey)).toBe(true);
  });

  it('writes the legacy triple-DES form with a SHA-1 MAC when asked', () => {
    const output = opensslInfo(
      encodePkcs12({ certificate: identity.der, privateKey: identity.privateKey, password: 'pässwörd', protection: 'legacy-3des' }),
      'pässwörd',
    );
    expect(output).toContain('MAC: sha1, Iteration 2048');
    expect(output).toContain('Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048');
    expect(createPublicKey(createPrivateKey(pemBlock(output, 'PRIVATE KEY'))).equals(identity.publicKey)).toBe(true);
  });

  it('cannot be opened with another password', () => {
    const pfx = encodePkcs12({ certificate: identity.der, privateKey: identity.privateKey, password: 'right' });
    expect(() => opensslInfo(pfx, 'wrong')).toThrow(/openssl failed/);
  });

  it('pairs key and certificate by localKeyID, as keychains need', () => {
    const output = opensslInfo(encodePkcs12({ certificate: identity.der, privateKey: identity.privateKey, password: 'p' }), 'p');
    const ids = [...output.matchAll(/localKeyID: ([0-9A-F ]+)/g)].map((match) => match[1]?.trim());
    const sha1 = execFileSync('openssl', ['sha1', '-r'], { input: Buffer.from(identity.der) }).toString().slice(0, 40);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[0]?.replace(/ /g, '').toLowerCase()).toBe(sha1);
  });
});

describe('encodePkcs12', () => {
  it('refuses an empty password', () => {
    expect(() => encodePkcs12({ certificate: identity.der, privateKey: identity.privateKey, password: '' })).toThrow(
      expect.objectContaining({ code: 'mdm.invalid_argument' }),
    );
  });
});
