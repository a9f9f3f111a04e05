import { describe, expect, it } from 'vitest';
import { signCms, testPki } from '../../testkit/pki/index.js';
import { parseCertificate } from '../x509/index.js';
import { findSignerCertificate, findSignerParsed } from './find-signer.js';
import { parseSignedData } from './parse.js';
import type { SignedData } from './types.js';

const pki = testPki();
const signedData = parseSignedData(
  signCms(Uint8Array.of(1, 2, 3), {
    signer: { certificate: pki.profileSigner.der, privateKey: pki.profileSigner.privateKey },
    chain: [pki.intermediate.der],
    digest: 'sha256',
    encoding: 'der',
  }),
);

function withSid(sid: SignedData['signers'][number]['sid']): SignedData {
  return { ...signedData, signers: [{ ...signedData.signers[0]!, sid }] };
}

describe('findSignerCertificate', () => {
  it('finds the certificate named by issuer and serial number', () => {
    expect(findSignerCertificate(signedData)).toEqual(pki.profileSigner.der);
  });

  it('compares serials as numbers, ignoring a redundant leading zero', () => {
    const sid = signedData.signers[0]!.sid;
    if (sid.kind !== 'issuerAndSerialNumber') throw new Error('expected issuer and serial');
    const padded = withSid({ ...sid, serial: Uint8Array.of(0, ...sid.serial) });
    expect(findSignerCertificate(padded)).toEqual(pki.profileSigner.der);
  });

  it('finds the certificate named by subject key identifier', () => {
    const keyIdentifier = parseCertificate(pki.profileSigner.der).subjectKeyIdentifier!;
    const byKeyIdentifier = withSid({ kind: 'subjectKeyIdentifier', keyIdentifier });
    expect(findSignerCertificate(byKeyIdentifier)).toEqual(pki.profileSigner.der);
  });

  it('returns null when no certificate matches or a certificate is malformed', () => {
    const unknown = withSid({ kind: 'subjectKeyIdentifier', keyIdentifier: Uint8Array.of(1, 2, 3) });
    expect(findSignerCertificate(unknown)).toBeNull();
    const garbage = { ...signedData, certificates: [Uint8Array.of(0x30, 0x00)] };
    expect(findSignerCertificate(garbage)).toBeNull();
  });
});

describe('findSignerParsed', () => {
  it('returns the signer parsed, skipping malformed certificates before it', () => {
    const withGarbageFirst = { ...signedData, certificates: [Uint8Array.of(0x30, 0x00), ...signedData.certificates] };
    expect(findSignerParsed(withGarbageFirst)).toBe(parseCertificate(pki.profileSigner.der));
  });

  it('returns null for a message without signers', () => {
    expect(findSignerParsed({ ...signedData, signers: [] })).toBeNull();
  });
});
