import { X509Certificate, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TrustAnchors } from '../../formats/cms/index.js';
import { signCms } from '../../testkit/pki/index.js';
import { verifyMdmSignature } from '../identity/index.js';
import { createEnrollmentCa, openEnrollmentCa } from './ca.js';
import { issueDeviceIdentity } from './device-identity.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const material = await createEnrollmentCa({ now: NOW, organization: 'Example Corp' });
const ca = openEnrollmentCa(material);
const OG = { id: 42, name: 'Field Service' };

describe('createEnrollmentCa', () => {
  it('makes a self-signed RSA CA valid for twenty years, backdated a day for lagging clocks', () => {
    const certificate = new X509Certificate(material.certificatePem);
    expect(certificate.ca).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.subject).toBe('O=Example Corp\nCN=Provisio Enrollment CA');
    expect(certificate.publicKey.asymmetricKeyType).toBe('rsa');
    expect(new Date(certificate.validFrom).getTime()).toBe(NOW.getTime() - 86_400_000);
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2046);
    expect(createPublicKey(createPrivateKey(material.privateKeyPem)).equals(certificate.publicKey)).toBe(true);
    expect(material.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });
});

describe('openEnrollmentCa', () => {
  it('refuses a key that is not the certificate’s, and material that does not parse', async () => {
    const other = await createEnrollmentCa({ now: NOW });
    const cases = [
      { ...material, privateKeyPem: other.privateKeyPem },
      { ...material, certificatePem: 'not pem' },
      { ...material, privateKeyPem: 'not a key' },
      {
        ...material,
        privateKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    ];
    for (const broken of cases) expect(() => openEnrollmentCa(broken)).toThrow(expect.objectContaining({ code: 'mdm.ca_invalid' }));
  });
});

describe('issueDeviceIdentity', () => {
  it('issues a client identity the CA signed, named after the hint and the OG', async () => {
    const identity = await issueDeviceIdentity(ca, { udidHint: 'enroll-7f3a', og: OG, now: NOW });
    const certificate = new X509Certificate(identity.certificate);
    expect(certificate.checkIssued(new X509Certificate(material.certificatePem))).toBe(true);
    expect(certificate.verify(createPublicKey(ca.privateKey))).toBe(true);
    expect(certificate.ca).toBe(false);
    expect(certificate.subject).toBe('O=Field Service\nOU=og:42\nCN=Provisio device enroll-7f3a');
    expect(certificate.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(createPublicKey(identity.privateKey).equals(certificate.publicKey)).toBe(true);
    expect(identity.sha256).toBe(certificate.fingerprint256.replace(/:/g, '').toLowerCase());
  });

  it('never outlives the CA, and refuses to issue from an expired one', async () => {
    const late = new Date('2045-06-01T00:00:00Z');
    const identity = await issueDeviceIdentity(ca, { udidHint: 'x', og: OG, now: late });
    expect(identity.notAfter.getTime()).toBe(ca.certificate.notAfter.getTime());
    await expect(issueDeviceIdentity(ca, { udidHint: 'x', og: OG, now: new Date('2047-01-01T00:00:00Z') })).rejects.toMatchObject({
      code: 'mdm.ca_invalid',
    });
  });

  it('gives devices an identity whose Mdm-Signature verifies against the CA', async () => {
    const identity = await issueDeviceIdentity(ca, { udidHint: 'x', og: OG, now: NOW });
    const body = new TextEncoder().encode('<plist><dict/></plist>');
    const signature = signCms(body, {
      signer: { certificate: identity.certificate, privateKey: identity.privateKey },
      chain: [],
      digest: 'sha256',
      encoding: 'der',
      detached: true,
    });
    const header = Buffer.from(signature).toString('base64');
    expect(verifyMdmSignature(header, body, { enrollmentCa: ca.trustAnchors(), now: NOW })).toMatchObject({
      ok: true,
      identity: { sha256: identity.sha256 },
    });
    const strangers = TrustAnchors.empty().addPemBundle((await createEnrollmentCa({ now: NOW })).certificatePem);
    expect(verifyMdmSignature(header, body, { enrollmentCa: strangers, now: NOW })).toMatchObject({ code: 'mdm.identity_untrusted' });
  });
});
