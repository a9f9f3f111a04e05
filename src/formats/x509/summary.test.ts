import { X509Certificate, createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeAsn1, der } from '../asn1/index.js';
import { issueCertificate, sharedTestKeyPair, testPki } from '../../testkit/pki/index.js';
import { parseCertificate } from './certificate.js';
import { summarizeCertificate } from './summary.js';

const pki = testPki();

describe('summarizeCertificate', () => {
  it('summarizes a developer certificate with its team id', () => {
    const validity = { notBefore: new Date('2020-05-01T00:00:00Z'), notAfter: new Date('2023-05-01T00:00:00Z') };
    const certificate = pki.developerCertificate('ABCDE12345', 'Acme Corp', validity);
    const summary = summarizeCertificate(certificate.der);
    expect(summary).toMatchObject({
      commonName: 'iPhone Distribution: Acme Corp',
      organizationalUnit: 'ABCDE12345',
      organization: 'Acme Corp',
      teamId: 'ABCDE12345',
      ...validity,
    });
    expect(summary.sha1).toBe(createHash('sha1').update(certificate.der).digest('hex'));
    expect(summary.sha256).toBe(createHash('sha256').update(certificate.der).digest('hex'));
  });

  it('gives no team id to certificates that are not Apple developer certificates', () => {
    expect(summarizeCertificate(pki.root.der).teamId).toBeNull();
    const lookalike = issueCertificate({
      subject: { commonName: 'isign_tests', organizationalUnit: 'ISIGNTESTS' },
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2030-01-01Z'),
      keyPair: sharedTestKeyPair('ec', 'x509-test'),
    });
    const summary = summarizeCertificate(lookalike.der);
    expect(summary).toMatchObject({ organizationalUnit: 'ISIGNTESTS', teamId: null, organization: null });
  });

  it('writes serials in uppercase hex without the sign octet', () => {
    const common = {
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2030-01-01Z'),
      keyPair: sharedTestKeyPair('ec', 'x509-test'),
    };
    const high = issueCertificate({ subject: { commonName: 'high' }, serial: 'ff01', ...common });
    const low = issueCertificate({ subject: { commonName: 'low' }, serial: 0x0abcn, ...common });
    expect(summarizeCertificate(high.der).serial).toBe('FF01');
    expect(summarizeCertificate(low.der).serial).toBe('0ABC');
    expect(summarizeCertificate(pki.root.der).serial).toBe('01');
  });

  it('reads GeneralizedTime validity dates (2050 and later)', () => {
    expect(summarizeCertificate(pki.root.der).notAfter).toEqual(new Date('2060-01-01T00:00:00Z'));
  });

  it('returns fresh Date objects, so a caller cannot corrupt the memo', () => {
    summarizeCertificate(pki.root.der).notAfter.setTime(0);
    expect(summarizeCertificate(pki.root.der).notAfter).toEqual(new Date('2060-01-01T00:00:00Z'));
  });

  it.each([
    ['no bytes', new Uint8Array(0)],
    ['an INTEGER in a SEQUENCE', Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01)],
    ['a truncated certificate', pki.root.der.subarray(0, 100)],
    ['a certificate of the wrong shape', der.sequence(der.sequence(der.integer(1)), der.sequence(), der.null())],
  ])('rejects %s as x509.invalid', (_what, bytes) => {
    expect(() => summarizeCertificate(bytes)).toThrow(expect.objectContaining({ code: 'x509.invalid' }));
  });
});

describe('parseCertificate', () => {
  it('tells CA certificates from leaves', () => {
    expect(parseCertificate(pki.root.der).mayIssueCertificates).toBe(true);
    expect(parseCertificate(pki.intermediate.der).mayIssueCertificates).toBe(true);
    expect(parseCertificate(pki.profileSigner.der).mayIssueCertificates).toBe(false);
  });

  it('keeps its own copy of the DER', () => {
    const buffer = new Uint8Array([...pki.intermediate.der, 0, 0]);
    const parsed = parseCertificate(buffer.subarray(0, pki.intermediate.der.length));
    expect(parsed.der.buffer).not.toBe(buffer.buffer);
    expect(parsed.der).toEqual(pki.intermediate.der);
  });

  it('returns the subject exactly as encoded', () => {
    const name = decodeAsn1(parseCertificate(pki.root.der).subject);
    expect(name.children()).toHaveLength(3);
  });
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const folder = join(resolve(repoRoot, '../shared/corpus'), 'mobileprovision');
const corpusCertificates = existsSync(folder) ? certificatesIn(folder) : [];

function certificatesIn(directory: string): Uint8Array[] {
  return readdirSync(directory)
    .filter((name) => !name.endsWith('.xml'))
    .flatMap((name) => {
      const signedData = decodeAsn1(new Uint8Array(readFileSync(join(directory, name)))).children()[1]!.children()[0]!;
      const certificates = signedData.children().find((element) => element.isContext(0));
      return certificates ? certificates.children().map((certificate) => certificate.bytes) : [];
    });
}

describe.skipIf(corpusCertificates.length === 0)('summaries of Apple certificates agree with node:crypto', () => {
  it('reads the same serial, dates, subject and fingerprint', () => {
    for (const certificate of corpusCertificates) {
      const summary = summarizeCertificate(certificate);
      const reference = new X509Certificate(certificate);
      expect(summary.serial).toBe(reference.serialNumber.toUpperCase().replace(/^00(?=.)/, ''));
      expect(summary.notBefore).toEqual(new Date(reference.validFrom));
      expect(summary.notAfter).toEqual(new Date(reference.validTo));
      expect(summary.sha256).toBe(reference.fingerprint256.replaceAll(':', '').toLowerCase());
      expect(reference.subject.split('\n')).toContain(`CN=${summary.commonName}`);
      expect(parseCertificate(certificate).mayIssueCertificates).toBe(reference.ca);
    }
  });
});
