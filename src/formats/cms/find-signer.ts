import { bytesEqual } from '../asn1/index.js';
import { parseCertificate, type ParsedCertificate } from '../x509/index.js';
import type { SignedData, SignerIdentifier } from './types.js';

/** The DER of the first signer's certificate among those the message carries, or `null`. */
export function findSignerCertificate(signedData: SignedData): Uint8Array | null {
  return findSignerParsed(signedData)?.der ?? null;
}

/**
 * {@link findSignerCertificate}, parsed. Certificates are parsed in order only until the signer's
 * turns up: it usually comes first, and each parse costs a SHA-256 even when memoized.
 */
export function findSignerParsed(signedData: SignedData): ParsedCertificate | null {
  const signer = signedData.signers[0];
  if (!signer) return null;
  for (const der of signedData.certificates) {
    const certificate = parseOrNull(der);
    if (certificate !== null && identifies(signer.sid, certificate)) return certificate;
  }
  return null;
}

/** The certificate a SignerIdentifier names. */
export function findCertificate(
  sid: SignerIdentifier,
  certificates: readonly ParsedCertificate[],
): ParsedCertificate | null {
  return certificates.find((certificate) => identifies(sid, certificate)) ?? null;
}

/** The certificates that parse; a malformed one cannot sign anything, so it is left out. */
export function parseWellFormed(certificates: readonly Uint8Array[]): ParsedCertificate[] {
  const parsed: ParsedCertificate[] = [];
  for (const der of certificates) {
    const certificate = parseOrNull(der);
    if (certificate !== null) parsed.push(certificate);
  }
  return parsed;
}

function parseOrNull(der: Uint8Array): ParsedCertificate | null {
  try {
    return parseCertificate(der);
  } catch {
    // skipped: verification then reports the signer or an issuer as missing
    return null;
  }
}

function identifies(sid: SignerIdentifier, certificate: ParsedCertificate): boolean {
  if (sid.kind === 'subjectKeyIdentifier') {
    return certificate.subjectKeyIdentifier !== null && bytesEqual(certificate.subjectKeyIdentifier, sid.keyIdentifier);
  }
  const sameSerial = bytesEqual(withoutLeadingZeros(certificate.serial), withoutLeadingZeros(sid.serial));
  return sameSerial && bytesEqual(certificate.issuer, sid.issuer);
}

/** Serials are compared as numbers: some encoders write a redundant leading zero octet. */
function withoutLeadingZeros(serial: Uint8Array): Uint8Array {
  let start = 0;
  while (start < serial.length - 1 && serial[start] === 0) start++;
  return serial.subarray(start);
}
