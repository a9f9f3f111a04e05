import { hash } from 'node:crypto';
import { toHex } from '../asn1/index.js';
import { parseCertificate, type ParsedCertificate } from './certificate.js';

/** What the console, CLI and API show about a certificate. */
export interface CertificateSummary {
  readonly commonName: string | null;
  readonly organizationalUnit: string | null;
  readonly organization: string | null;
  /** The OU of an Apple developer or distribution certificate (its team id), else `null`. */
  readonly teamId: string | null;
  /** Uppercase hex, without the zero octet DER adds to keep the number positive. */
  readonly serial: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Lowercase hex digests of the DER. */
  readonly sha1: string;
  readonly sha256: string;
}

/** The common names Apple gives the certificates it issues to developer teams. */
const DEVELOPER_CERTIFICATE = new RegExp(
  '^(iPhone Developer|iPhone Distribution|Apple Development|Apple Distribution|Mac Developer|' +
    'Mac App Distribution|Mac Installer Distribution|Developer ID Application|Developer ID Installer|' +
    '3rd Party Mac Developer Application|3rd Party Mac Developer Installer): ',
);
const TEAM_ID = /^[A-Z0-9]{10}$/;

const summaries = new WeakMap<ParsedCertificate, CertificateSummary>();

/** Summarizes a DER certificate. Throws `x509.invalid` when it is not one. */
export function summarizeCertificate(der: Uint8Array): CertificateSummary {
  return summarizeParsed(parseCertificate(der));
}

/** Summarizes an already parsed certificate (memoized per parsed certificate). */
export function summarizeParsed(certificate: ParsedCertificate): CertificateSummary {
  let summary = summaries.get(certificate);
  if (!summary) {
    summary = buildSummary(certificate);
    summaries.set(certificate, summary);
  }
  // Fresh Date objects: callers may mutate what they get without touching the memo.
  return { ...summary, notBefore: new Date(summary.notBefore), notAfter: new Date(summary.notAfter) };
}

function buildSummary(certificate: ParsedCertificate): CertificateSummary {
  const { commonName, organizationalUnit, organization } = certificate.subjectFields;
  return {
    commonName,
    organizationalUnit,
    organization,
    teamId: teamIdOf(commonName, organizationalUnit),
    serial: serialHex(certificate.serial),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    sha1: hash('sha1', certificate.der, 'hex'),
    sha256: certificate.sha256,
  };
}

function teamIdOf(commonName: string | null, organizationalUnit: string | null): string | null {
  if (!commonName || !organizationalUnit) return null;
  return DEVELOPER_CERTIFICATE.test(commonName) && TEAM_ID.test(organizationalUnit) ? organizationalUnit : null;
}

function serialHex(serial: Uint8Array): string {
  const start = serial.length > 1 && serial[0] === 0 ? 1 : 0;
  return toHex(serial.subarray(start)).toUpperCase();
}
