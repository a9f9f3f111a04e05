import { describe, expect, it } from 'vitest';
import { TrustAnchors } from '../../formats/cms/index.js';
import { issueCertificate, sharedTestKeyPair, signCms, type IssuedCertificate } from '../../testkit/pki/index.js';
import { identityFromForwardedCertificate } from './forwarded-certificate.js';
import { verifyMdmSignature } from './mdm-signature.js';

const VALIDITY = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
const NOW = new Date('2026-06-01T12:00:00Z');

function ca(name: string): IssuedCertificate {
  return issueCertificate({
    subject: { commonName: `Provisio Test ${name} Enrollment CA` },
    isCa: true,
    keyPair: sharedTestKeyPair('rsa', `identity-test-${name}`),
    ...VALIDITY,
  });
}

function deviceOf(issuer: IssuedCertificate, validity = VALIDITY): IssuedCertificate {
  return issueCertificate({
    subject: { commonName: 'Provisio Test Device Identity' },
    issuer,
    keyPair: sharedTestKeyPair('rsa', 'identity-test-device'),
    ...validity,
  });
}

const enrollmentCa = ca('Main');
const otherCa = ca('Other');
const device = deviceOf(enrollmentCa);
const body = new TextEncoder().encode('<plist><dict><key>Status</key><string>Idle</string></dict></plist>');
const options = { enrollmentCa: TrustAnchors.empty().addTrusted(enrollmentCa.der), now: NOW };

function signatureHeader(signer: IssuedCertificate, content: Uint8Array, chain: Uint8Array[] = []): string {
  const message = signCms(content, {
    signer: { certificate: signer.der, privateKey: signer.privateKey },
    chain,
    digest: 'sha256',
    encoding: 'der',
    detached: true,
    signingTime: NOW,
  });
  return Buffer.from(message).toString('base64');
}

describe('verifyMdmSignature', () => {
  it('returns the signer certificate of a body signed by an enrolled device', () => {
    const result = verifyMdmSignature(signatureHeader(device, body), body, options);
    expect(result).toMatchObject({ ok: true, identity: { sha256: device.summary.sha256 } });
    if (!result.ok) throw new Error(result.reason);
    expect(Buffer.from(result.identity.certificate).equals(Buffer.from(device.der))).toBe(true);
    expect(result.identity.summary.commonName).toBe('Provisio Test Device Identity');
  });

  it('accepts base64 wrapped over several lines', () => {
    const wrapped = signatureHeader(device, body).replace(/(.{64})/g, '$1\n');
    expect(verifyMdmSignature(wrapped, body, options).ok).toBe(true);
  });

  it('reports a missing header', () => {
    expect(verifyMdmSignature(undefined, body, options)).toMatchObject({ ok: false, code: 'mdm.signature_missing' });
    expect(verifyMdmSignature('  ', body, options)).toMatchObject({ ok: false, code: 'mdm.signature_missing' });
  });

  it('reports headers that are not a CMS signature', () => {
    for (const header of ['not base64!', Buffer.from('hello world').toString('base64'), 'A'.repeat(70_000)]) {
      expect(verifyMdmSignature(header, body, options)).toMatchObject({ ok: false, code: 'mdm.signature_invalid' });
    }
  });

  it('reports a signature over other bytes: a body changed in transit or replayed elsewhere', () => {
    const header = signatureHeader(device, body);
    const forged = new TextEncoder().encode('<plist><dict><key>Status</key><string>NotNow</string></dict></plist>');
    expect(verifyMdmSignature(header, forged, options)).toMatchObject({ ok: false, code: 'mdm.signature_invalid' });
  });

  it('refuses identities another CA issued, expired ones, and the CA itself', () => {
    const stranger = deviceOf(otherCa);
    const expired = deviceOf(enrollmentCa, { notBefore: VALIDITY.notBefore, notAfter: new Date('2026-01-01T00:00:00Z') });
    for (const signer of [stranger, expired, enrollmentCa]) {
      expect(verifyMdmSignature(signatureHeader(signer, body), body, options)).toMatchObject({
        ok: false,
        code: 'mdm.identity_untrusted',
      });
    }
  });

  it('rejects hostile headers within a second', () => {
    const started = performance.now();
    expect(verifyMdmSignature('MI'.repeat(30_000), body, options).ok).toBe(false);
    expect(verifyMdmSignature(Buffer.from(new Uint8Array(40_000).fill(0x30)).toString('base64'), body, options).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('identityFromForwardedCertificate', () => {
  it("reads nginx's URL-encoded PEM, plain PEM and base64 DER", () => {
    const headers = [encodeURIComponent(device.pem), device.pem, Buffer.from(device.der).toString('base64')];
    for (const header of headers) {
      expect(identityFromForwardedCertificate(header, options)).toMatchObject({ ok: true, identity: { sha256: device.summary.sha256 } });
    }
  });

  it('reports no certificate, and what is not one', () => {
    expect(identityFromForwardedCertificate(undefined, options)).toMatchObject({ code: 'mdm.certificate_missing' });
    expect(identityFromForwardedCertificate('', options)).toMatchObject({ code: 'mdm.certificate_missing' });
    expect(identityFromForwardedCertificate('%ZZ', options)).toMatchObject({ code: 'mdm.certificate_invalid' });
    expect(identityFromForwardedCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', options)).toMatchObject({
      code: 'mdm.certificate_invalid',
    });
  });

  it('applies the same chain check as signatures', () => {
    const stranger = deviceOf(otherCa);
    for (const certificate of [stranger, enrollmentCa]) {
      expect(identityFromForwardedCertificate(encodeURIComponent(certificate.pem), options)).toMatchObject({
        ok: false,
        code: 'mdm.identity_untrusted',
      });
    }
    const later = { ...options, now: new Date('2036-01-01T00:00:00Z') };
    expect(identityFromForwardedCertificate(device.pem, later)).toMatchObject({ code: 'mdm.identity_untrusted' });
  });
});
