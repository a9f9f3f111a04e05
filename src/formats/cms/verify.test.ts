import { describe, expect, it } from 'vitest';
import {
  encodeSignedData,
  issueCertificate,
  sharedTestKeyPair,
  signCms,
  testPki,
  type IssuedCertificate,
  type SignCmsOptions,
} from '../../testkit/pki/index.js';
import { ber, decodeAsn1, der } from '../asn1/index.js';
import { parseSignedData } from './parse.js';
import { TrustAnchors } from './trust-anchors.js';
import { verifySignedData } from './verify.js';

const pki = testPki();
const CONTENT = new TextEncoder().encode('<plist><key>Name</key><string>Provisio test profile</string></plist>');
const SIGNED_AT = new Date('2021-03-04T05:06:07Z');
const CREATED = new Date('2021-03-04T05:06:07Z');

function sign(content: Uint8Array, overrides: Partial<SignCmsOptions> = {}): Uint8Array {
  return signCms(content, {
    signer: { certificate: pki.profileSigner.der, privateKey: pki.profileSigner.privateKey },
    chain: [pki.intermediate.der, pki.root.der],
    digest: 'sha1',
    encoding: 'ber',
    signingTime: SIGNED_AT,
    ...overrides,
  });
}

function verify(message: Uint8Array, trust = pki.trustAnchors(), at = CREATED, detachedContent?: Uint8Array) {
  return verifySignedData(parseSignedData(message), { trust, at, ...(detachedContent ? { detachedContent } : {}) });
}

/** Replaces the first occurrence of `find` (ASCII) in `bytes` with `replace` of the same length. */
function patch(bytes: Uint8Array, find: string, replace: string): Uint8Array {
  const needle = Buffer.from(find, 'latin1');
  const at = Buffer.from(bytes).indexOf(needle);
  if (at < 0) throw new Error(`"${find}" not found`);
  const copy = bytes.slice();
  copy.set(Buffer.from(replace, 'latin1'), at);
  return copy;
}

/** An EC certificate (quick to make) for a signer the test PKI does not have. */
function leaf(name: string, notBefore: Date, notAfter: Date, issuer = pki.intermediate): IssuedCertificate {
  return issueCertificate({ subject: { commonName: name }, issuer, notBefore, notAfter, keyType: 'ec' });
}

function signedBy(certificate: IssuedCertificate): SignCmsOptions['signer'] {
  return { certificate: certificate.der, privateKey: certificate.privateKey };
}

describe('verifySignedData: valid messages', () => {
  it.each([
    ['ber', 'sha1'],
    ['ber', 'sha256'],
    ['der', 'sha1'],
    ['der', 'sha256'],
  ] as const)('accepts a %s message with %s digests', (encoding, digest) => {
    const result = verify(sign(CONTENT, { encoding, digest }));
    expect(result).toMatchObject({ status: 'valid', reason: null, learnedRoots: [] });
    expect(result.signer?.commonName).toBe('Provisio Test Provisioning Profile Signing');
  });

  it('accepts signed attributes encoded with an indefinite length (checked as their DER)', () => {
    const fields = decodeAsn1(parseSignerInfos(sign(CONTENT))[0]!).children();
    const [version, sid, digest, attributes, algorithm, signature] = fields.map((field) => field.bytes);
    const members = decodeAsn1(attributes!).children().map((attribute) => attribute.bytes);
    const indefinite = ber.indefinite(Uint8Array.of(0xa0), ...members);
    const signerInfo = der.sequence(version!, sid!, digest!, indefinite, algorithm!, signature!);
    const message = encodeSignedData({
      content: CONTENT,
      certificates: [pki.profileSigner.der, pki.intermediate.der],
      signerInfos: [signerInfo],
      digest: 'sha1',
      encoding: 'ber',
      detached: false,
    });
    expect(parseSignedData(message).signers[0]?.signedAttributes?.subarray(0, 2)).toEqual(Uint8Array.of(0xa0, 0x80));
    expect(verify(message).status).toBe('valid');
  });

  it('accepts an ECDSA signer', () => {
    const signer = leaf('Provisio Test EC Signer', new Date('2020-01-01Z'), new Date('2030-01-01Z'));
    const message = sign(CONTENT, { signer: signedBy(signer), digest: 'sha256' });
    expect(verify(message).status).toBe('valid');
  });

  it('accepts a chain that was valid at `at` although it has expired since', () => {
    const expired = leaf('Provisio Test Expired Signer', new Date('2015-01-01Z'), new Date('2017-01-01Z'));
    const message = sign(CONTENT, { signer: signedBy(expired) });
    expect(verify(message, pki.trustAnchors(), new Date('2016-06-01Z')).status).toBe('valid');
    const now = verify(message, pki.trustAnchors(), new Date());
    expect(now.status).toBe('untrusted');
    expect(now.reason).toContain('expired on 2017-01-01');
  });
});

describe('verifySignedData: tampering', () => {
  it('reports content edited after signing as tampered', () => {
    const message = patch(sign(CONTENT), 'Provisio test profile', 'Provisio evil profile');
    const result = verify(message);
    expect(result.status).toBe('tampered');
    expect(result.reason).toContain('message digest');
    expect(result.signer?.commonName).toBe('Provisio Test Provisioning Profile Signing');
  });

  it('reports edited signed attributes as tampered', () => {
    const message = patch(sign(CONTENT), '210304050607Z', '210304050608Z');
    expect(parseSignedData(message).signers[0]?.signingTime).toEqual(new Date('2021-03-04T05:06:08Z'));
    const result = verify(message);
    expect(result.status).toBe('tampered');
    expect(result.reason).toContain('signature does not verify');
  });

  it('reports a signature made with another key than the certificate’s as tampered', () => {
    const otherKey = sharedTestKeyPair('rsa', 'test-intermediate').privateKey;
    const message = sign(CONTENT, { signer: { certificate: pki.profileSigner.der, privateKey: otherKey } });
    expect(verify(message).status).toBe('tampered');
  });
});

describe('verifySignedData: trust', () => {
  it('reports a chain to an unknown root as untrusted', () => {
    const result = verify(sign(CONTENT), TrustAnchors.withApplePin());
    expect(result.status).toBe('untrusted');
    expect(result.reason).toContain("'Provisio Test Root CA' is not a trust anchor");
  });

  it('reports a missing intermediate as untrusted', () => {
    const result = verify(sign(CONTENT, { chain: [] }));
    expect(result.status).toBe('untrusted');
    expect(result.reason).toContain("issuer 'Provisio Test Intermediate CA'");
  });

  it('refuses to check validity at an invalid date', () => {
    const result = verify(sign(CONTENT), pki.trustAnchors(), new Date('not a date'));
    expect(result).toMatchObject({ status: 'untrusted', reason: 'the time to verify at is not a valid date' });
  });

  it('reports a signer not yet valid at `at` as untrusted', () => {
    const future = leaf('Provisio Test Future Signer', new Date('2030-01-01Z'), new Date('2031-01-01Z'));
    const message = sign(CONTENT, { signer: signedBy(future) });
    const result = verify(message);
    expect(result.status).toBe('untrusted');
    expect(result.reason).toContain('not valid before 2030-01-01');
  });

  it('does not accept a leaf certificate as an issuer', () => {
    const notCa = leaf('Provisio Test Not A CA', new Date('2020-01-01Z'), new Date('2030-01-01Z'));
    const signer = leaf('Provisio Test Signer Under A Leaf', new Date('2020-01-01Z'), new Date('2030-01-01Z'), notCa);
    const message = sign(CONTENT, { signer: signedBy(signer), chain: [notCa.der, pki.intermediate.der] });
    const result = verify(message);
    expect(result.status).toBe('untrusted');
    expect(result.reason).toContain('is not a CA certificate');
  });

  it('reports a message without its signer certificate as untrusted', () => {
    const message = encodeSignedData({
      content: CONTENT,
      certificates: [pki.intermediate.der],
      signerInfos: parseSignerInfos(sign(CONTENT, { encoding: 'der' })),
      digest: 'sha1',
      encoding: 'der',
      detached: false,
    });
    expect(verify(message)).toMatchObject({ status: 'untrusted', signer: null });
  });
});

describe('verifySignedData: pins', () => {
  it('learns a pinned root carried in the message, once', () => {
    const trust = TrustAnchors.empty().addPin(pki.root.summary.sha256.toUpperCase());
    const first = verify(sign(CONTENT), trust);
    expect(first.status).toBe('valid');
    expect(first.learnedRoots).toEqual([pki.root.der]);
    expect(trust.has(pki.root.der)).toBe(true);
    const second = verify(sign(CONTENT), trust);
    expect(second).toMatchObject({ status: 'valid', learnedRoots: [] });
  });

  it('verifies a message without the root once another message taught it', () => {
    const trust = TrustAnchors.empty().addPin(pki.root.summary.sha256);
    const withoutRoot = sign(CONTENT, { chain: [pki.intermediate.der] });
    const before = verify(withoutRoot, trust);
    expect(before.status).toBe('untrusted');
    expect(before.reason).toContain('a pinned root is learned from any message that carries it');
    verify(sign(CONTENT), trust);
    expect(verify(withoutRoot, trust).status).toBe('valid');
  });

  it('does not trust another self-signed root, even one with the pinned root’s name', () => {
    const rogueRoot = issueCertificate({
      subject: { commonName: 'Provisio Test Rogue Root CA' },
      notBefore: new Date('2000-01-01Z'),
      notAfter: new Date('2060-01-01Z'),
      isCa: true,
      keyType: 'ec',
    });
    const rogueSigner = leaf('Provisio Test Rogue Signer', new Date('2020-01-01Z'), new Date('2030-01-01Z'), rogueRoot);
    const trust = TrustAnchors.empty().addPin(pki.root.summary.sha256);
    const message = sign(CONTENT, { signer: signedBy(rogueSigner), chain: [rogueRoot.der] });
    const result = verify(message, trust);
    expect(result).toMatchObject({ status: 'untrusted', learnedRoots: [] });
    expect(result.reason).toContain("'Provisio Test Rogue Root CA' is not a trust anchor");
    expect(trust.has(rogueRoot.der)).toBe(false);
  });

  it('does not let a rogue root with the same name stand in for the real one', () => {
    const rogueRoot = issueCertificate({
      subject: {
        commonName: 'Provisio Test Root CA',
        organizationalUnit: 'Provisio Test Certification Authority',
        organization: 'Provisio Test',
      },
      notBefore: new Date('2000-01-01Z'),
      notAfter: new Date('2060-01-01Z'),
      isCa: true,
      keyType: 'ec',
    });
    const trust = TrustAnchors.empty().addPin(pki.root.summary.sha256);
    const result = verify(sign(CONTENT, { chain: [pki.intermediate.der, rogueRoot.der] }), trust);
    expect(result.status).toBe('untrusted');
  });
});

describe('verifySignedData: detached and unsigned', () => {
  it('verifies a detached signature against the given content', () => {
    const message = sign(CONTENT, { detached: true, encoding: 'der', digest: 'sha256' });
    expect(parseSignedData(message).content).toBeNull();
    expect(verify(message, pki.trustAnchors(), CREATED, CONTENT).status).toBe('valid');
  });

  it('reports other content under a detached signature as tampered', () => {
    const message = sign(CONTENT, { detached: true });
    const other = new TextEncoder().encode('another body');
    expect(verify(message, pki.trustAnchors(), CREATED, other).status).toBe('tampered');
    expect(verify(message).reason).toContain('no content was given');
  });

  it('reports a message without signers as unsigned', () => {
    for (const encoding of ['ber', 'der'] as const) {
      const parts = { content: CONTENT, certificates: [pki.root.der], signerInfos: [], detached: false } as const;
      const result = verify(encodeSignedData({ ...parts, digest: 'sha1', encoding }));
      expect(result).toEqual({ status: 'unsigned', signer: null, reason: 'the message has no signer', learnedRoots: [] });
    }
  });
});

/** The encoded SignerInfo values of a message, to rebuild it with other parts. */
function parseSignerInfos(message: Uint8Array): Uint8Array[] {
  const signedData = decodeAsn1(message).children()[1]!.children()[0]!;
  return signedData.children().at(-1)!.children().map((signerInfo) => signerInfo.bytes.slice());
}
