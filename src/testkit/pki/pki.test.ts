import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSignedData, verifySignedData } from '../../formats/cms/index.js';
import { issueCertificate } from './certificate.js';
import { sharedTestKeyPair } from './keys.js';
import { signCms } from './sign-cms.js';
import { testPki } from './test-pki.js';

const pki = testPki();

describe('testPki', () => {
  it('is made once per process', () => {
    expect(testPki()).toBe(pki);
  });

  it('names every certificate as a test certificate', () => {
    for (const certificate of [pki.root, pki.intermediate, pki.profileSigner]) {
      expect(certificate.summary.commonName).toMatch(/^Provisio Test /);
    }
  });

  it('issues certificates that node:crypto (OpenSSL) accepts as a chain', () => {
    const root = new X509Certificate(pki.root.der);
    const intermediate = new X509Certificate(pki.intermediate.der);
    const signer = new X509Certificate(pki.profileSigner.der);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(intermediate.checkIssued(root) && intermediate.verify(root.publicKey)).toBe(true);
    expect(signer.checkIssued(intermediate) && signer.verify(intermediate.publicKey)).toBe(true);
    expect([root.ca, intermediate.ca, signer.ca]).toEqual([true, true, false]);
    expect(new X509Certificate(pki.root.pem).fingerprint256).toBe(root.fingerprint256);
  });

  it('makes developer certificates with the team id as OU, sharing one key', () => {
    const validity = { notBefore: new Date('2024-01-01Z'), notAfter: new Date('2025-01-01Z') };
    const first = pki.developerCertificate('TEAMID0001', 'Example Corp', validity);
    const second = pki.developerCertificate('TEAMID0002', 'Other Corp', validity);
    expect(first.summary).toMatchObject({ commonName: 'iPhone Distribution: Example Corp', teamId: 'TEAMID0001' });
    expect(first.summary).toMatchObject(validity);
    expect(first.publicKey.equals(second.publicKey)).toBe(true);
    expect(new X509Certificate(first.der).checkIssued(new X509Certificate(pki.intermediate.der))).toBe(true);
  });
});

describe('issueCertificate', () => {
  it('issues EC certificates and self-signed roots', () => {
    const root = issueCertificate({
      subject: { commonName: 'Provisio Test EC Root' },
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2030-01-01Z'),
      isCa: true,
      keyType: 'ec',
    });
    const reference = new X509Certificate(root.der);
    expect(reference.publicKey.asymmetricKeyType).toBe('ec');
    expect(reference.verify(reference.publicKey)).toBe(true);
    expect(root.summary.organization).toBeNull();
  });

  it('reuses a given key pair', () => {
    const keyPair = sharedTestKeyPair('ec', 'pki-test');
    const certificate = issueCertificate({
      subject: { commonName: 'Provisio Test Reused Key' },
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2030-01-01Z'),
      keyPair,
    });
    expect(certificate.publicKey).toBe(keyPair.publicKey);
  });
});

describe('signCms', () => {
  it('signs with a developer certificate, detached, as code signatures are', () => {
    const developer = pki.developerCertificate('TEAMID0001', 'Example Corp', {
      notBefore: new Date('2024-01-01Z'),
      notAfter: new Date('2025-01-01Z'),
    });
    const codeDirectory = Uint8Array.from({ length: 64 }, (_, index) => index);
    const message = signCms(codeDirectory, {
      signer: { certificate: developer.der, privateKey: developer.privateKey },
      chain: [pki.intermediate.der],
      digest: 'sha256',
      encoding: 'der',
      detached: true,
    });
    const result = verifySignedData(parseSignedData(message), {
      trust: pki.trustAnchors(),
      at: new Date('2024-06-01Z'),
      detachedContent: codeDirectory,
    });
    expect(result.status).toBe('valid');
    expect(result.signer?.teamId).toBe('TEAMID0001');
  });
});
