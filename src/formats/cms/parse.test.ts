import { describe, expect, it } from 'vitest';
import { ber, concatBytes, der, fromHex, toHex } from '../asn1/index.js';
import { signCms, testPki } from '../../testkit/pki/index.js';
import { DigestOid, KeyOid } from '../x509/index.js';
import { isFormatError } from '../errors.js';
import { findSignerCertificate } from './find-signer.js';
import { CmsOid } from './oids.js';
import { parseSignedData } from './parse.js';

const pki = testPki();
const CONTENT = new TextEncoder().encode('<?xml version="1.0"?>\n<plist>' + 'x'.repeat(2500) + '</plist>\n');
const SIGNED_AT = new Date('2022-02-02T02:02:02Z');

function sign(encoding: 'ber' | 'der', detached = false): Uint8Array {
  return signCms(CONTENT, {
    signer: { certificate: pki.profileSigner.der, privateKey: pki.profileSigner.privateKey },
    chain: [pki.intermediate.der, pki.root.der],
    digest: 'sha256',
    encoding,
    detached,
    signingTime: SIGNED_AT,
  });
}

describe('parseSignedData round trips', () => {
  it.each(['ber', 'der'] as const)('reads back what signCms wrote in %s', (encoding) => {
    const message = sign(encoding);
    const signedData = parseSignedData(message);
    expect(signedData.version).toBe(1);
    expect(signedData.contentType).toBe(CmsOid.data);
    expect(signedData.content).toEqual(CONTENT);
    expect(signedData.digestAlgorithms.map((algorithm) => algorithm.oid)).toEqual([DigestOid.sha256]);
    const carried = [pki.profileSigner.der, pki.intermediate.der, pki.root.der];
    expect(new Set(signedData.certificates.map(toHex))).toEqual(new Set(carried.map(toHex)));
    const [signer] = signedData.signers;
    expect(signer?.digestAlgorithm.oid).toBe(DigestOid.sha256);
    expect(signer?.signatureAlgorithm.oid).toBe(KeyOid.rsa);
    expect(signer?.signingTime).toEqual(SIGNED_AT);
    expect(signer?.contentType).toBe(CmsOid.data);
    expect(signer?.messageDigest).toHaveLength(32);
    expect(signer?.signature).toHaveLength(256);
    expect(signer?.signedAttributes?.[0]).toBe(0xa0);
    expect(signer?.sid.kind).toBe('issuerAndSerialNumber');
    expect(findSignerCertificate(signedData)).toEqual(pki.profileSigner.der);
  });

  it('writes BER the way Apple does: indefinite lengths and a chunked eContent', () => {
    const message = sign('ber');
    expect(toHex(message.subarray(0, 2))).toBe('3080');
    expect(toHex(message.subarray(-2))).toBe('0000');
    expect(Buffer.from(message).indexOf(Buffer.from('a0802480', 'hex'))).toBeGreaterThan(0);
  });

  it('keeps DER content as a view of the input (zero-copy)', () => {
    const message = sign('der');
    expect(parseSignedData(message).content?.buffer).toBe(message.buffer);
  });

  it('returns null content for a detached signature', () => {
    for (const encoding of ['ber', 'der'] as const) {
      expect(parseSignedData(sign(encoding, true)).content).toBeNull();
    }
  });

  it('accepts zero padding after the message but nothing else', () => {
    const message = sign('der');
    expect(parseSignedData(concatBytes([message, new Uint8Array(16)])).content).toEqual(CONTENT);
    expect(codeOf(() => parseSignedData(concatBytes([message, Uint8Array.of(1)])))).toBe('cms.invalid');
  });

  it('returns no signer certificate when there are no signers', () => {
    const signedData = parseSignedData(sign('der'));
    expect(findSignerCertificate({ ...signedData, signers: [] })).toBeNull();
  });
});

describe('parseSignedData errors', () => {
  it('rejects input that is not a ContentInfo as cms.not_signed_data', () => {
    const xml = new TextEncoder().encode('<?xml version="1.0"?>');
    expect(codeOf(() => parseSignedData(xml))).toBe('cms.not_signed_data');
    expect(codeOf(() => parseSignedData(new Uint8Array(0)))).toBe('cms.not_signed_data');
  });

  it('rejects a ContentInfo of another content type as cms.not_signed_data', () => {
    const data = der.sequence(der.oid(CmsOid.data), der.explicit(0, der.octetString(CONTENT)));
    expect(codeOf(() => parseSignedData(data))).toBe('cms.not_signed_data');
  });

  const wrap = (...body: Uint8Array[]): Uint8Array =>
    der.sequence(der.oid(CmsOid.signedData), der.explicit(0, der.sequence(...body)));
  const encapsulated = der.sequence(der.oid(CmsOid.data));

  it.each([
    ['no signerInfos', wrap(der.integer(1), der.set(), encapsulated)],
    ['digestAlgorithms not a SET', wrap(der.integer(1), der.null(), encapsulated, der.set())],
    ['eContent not [0]', wrap(der.integer(1), der.set(), der.sequence(der.oid(CmsOid.data), der.null()), der.set())],
    ['no content at all', der.sequence(der.oid(CmsOid.signedData))],
    ['a SignerInfo cut short', wrap(der.integer(1), der.set(), encapsulated, der.set(der.sequence(der.integer(1))))],
  ])('rejects a SignedData with %s as cms.invalid', (_problem, message) => {
    expect(codeOf(() => parseSignedData(message))).toBe('cms.invalid');
  });

  it('rejects a signed attribute that appears twice as cms.invalid', () => {
    const attribute = der.sequence(der.oid('1.2.840.113549.1.9.4'), der.set(der.octetString(new Uint8Array(20))));
    const signerInfo = der.sequence(
      der.integer(1),
      der.sequence(der.sequence(), der.integer(1)),
      der.sequence(der.oid(DigestOid.sha1), der.null()),
      der.implicit(0, der.set(attribute, attribute)),
      der.sequence(der.oid(KeyOid.rsa), der.null()),
      der.octetString(new Uint8Array(8)),
    );
    const message = der.sequence(
      der.oid(CmsOid.signedData),
      der.explicit(0, der.sequence(der.integer(1), der.set(), der.sequence(der.oid(CmsOid.data)), der.set(signerInfo))),
    );
    expect(codeOf(() => parseSignedData(message))).toBe('cms.invalid');
  });

  it('rejects truncated messages within a second', () => {
    for (const encoding of ['ber', 'der'] as const) {
      const message = sign(encoding);
      const started = performance.now();
      for (const length of [2, 20, 100, message.length >> 1, message.length - 1]) {
        expect(codeOf(() => parseSignedData(message.subarray(0, length)))).toBe('asn1.truncated');
      }
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('rejects a ContentInfo claiming 4 GB within a second', () => {
    const started = performance.now();
    const message = fromHex('30 84 FF FF FF FF 06 09 2A 86 48 86 F7 0D 01 07 02');
    expect(codeOf(() => parseSignedData(message))).toBe('asn1.truncated');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects 10,000 nested indefinite-length values within a second', () => {
    const nested = new Uint8Array(40_000);
    for (let i = 0; i < 10_000; i++) nested.set([0xa0, 0x80], i * 2);
    const message = ber.sequence(der.oid(CmsOid.signedData), nested);
    const started = performance.now();
    expect(codeOf(() => parseSignedData(message))).toBe('asn1.too_deep');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

/** The code of the FormatError `action` throws. */
function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isFormatError(error) ? error.code : String(error);
  }
  return 'nothing thrown';
}
