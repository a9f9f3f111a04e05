import { describe, expect, it } from 'vitest';
import { testPki } from '../../testkit/pki/index.js';
import { parseCertificate } from '../x509/index.js';
import { APPLE_ROOT_CA_SHA256, TrustAnchors } from './trust-anchors.js';

const pki = testPki();

describe('TrustAnchors', () => {
  it('pins Apple Root CA but holds no certificate until it learns one', () => {
    const anchors = TrustAnchors.withApplePin();
    expect(anchors.isPinned(APPLE_ROOT_CA_SHA256)).toBe(true);
    expect(anchors.isPinned(APPLE_ROOT_CA_SHA256.toLowerCase())).toBe(true);
    expect(anchors.hasUnlearnedPins()).toBe(true);
    expect(anchors.certificates()).toEqual([]);
    expect(TrustAnchors.empty().isPinned(APPLE_ROOT_CA_SHA256)).toBe(false);
  });

  it('learns only pinned certificates, and reports only the first time', () => {
    const fingerprint = pki.root.summary.sha256;
    const anchors = TrustAnchors.empty().addPin(fingerprint.replace(/(..)/g, '$1:').slice(0, -1));
    expect(anchors.learn(pki.intermediate.der)).toBe(false);
    expect(anchors.learn(pki.root.der)).toBe(true);
    expect(anchors.learn(pki.root.der)).toBe(false);
    expect(anchors.has(pki.root.der)).toBe(true);
    expect(anchors.has(fingerprint.toUpperCase())).toBe(true);
    expect(anchors.has(pki.intermediate.der)).toBe(false);
    expect(anchors.hasUnlearnedPins()).toBe(false);
  });

  it('does not learn malformed bytes', () => {
    expect(TrustAnchors.withApplePin().learn(Uint8Array.of(1, 2, 3))).toBe(false);
    expect(TrustAnchors.withApplePin().has(Uint8Array.of(1, 2, 3))).toBe(false);
  });

  it('trusts explicit anchors from DER and PEM bundles', () => {
    const fromDer = TrustAnchors.empty().addTrusted(pki.root.der);
    expect(fromDer.has(pki.root.der)).toBe(true);
    const bundle = `comment\n${pki.root.pem}\n${pki.intermediate.pem}`;
    const fromPem = TrustAnchors.empty().addPemBundle(bundle);
    expect(fromPem.certificates()).toEqual([pki.root.der, pki.intermediate.der]);
    const named = fromPem.anchorsNamed(parseCertificate(pki.root.der).subject);
    expect(named.map((anchor) => anchor.der)).toEqual([pki.root.der]);
  });

  it('rejects malformed pins and PEM', () => {
    expect(() => TrustAnchors.empty().addPin('abc')).toThrow(RangeError);
    const badPem = '-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----';
    expect(() => TrustAnchors.empty().addPemBundle(badPem)).toThrow(expect.objectContaining({ code: 'x509.invalid' }));
    const addGarbage = (): unknown => TrustAnchors.empty().addTrusted(Uint8Array.of(0x30, 0));
    expect(addGarbage).toThrow(expect.objectContaining({ code: 'x509.invalid' }));
  });
});
