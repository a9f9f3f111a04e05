import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { encodePem, parseCertificate } from '../../formats/x509/index.js';
import { MdmProtocolError } from '../protocol/index.js';
import type { EnrollmentCa } from './ca.js';
import { buildCertificate } from './certificate-builder.js';

/** The organization group an enrollment profile is for. */
export interface OgRef {
  readonly id: number;
  readonly name: string;
}

/** A device identity: the certificate and the key the device will sign its messages with. */
export interface DeviceIdentity {
  readonly certificate: Uint8Array;
  readonly certificatePem: string;
  /** Lowercase hex SHA-256 of the certificate: what the enrollment is bound to. */
  readonly sha256: string;
  readonly privateKey: KeyObject;
  readonly notAfter: Date;
}

export interface IssueDeviceIdentityOptions {
  /**
   * What the certificate is named after. The UDID is not known when a profile is downloaded
   * (the device tells it at Authenticate), so this is a hint: a UDID, a serial, a request id.
   */
  readonly udidHint: string;
  readonly og: OgRef;
  readonly now?: Date;
  /** Default ten years, capped at the CA's own expiry. */
  readonly validityDays?: number;
}

const generateRsa = promisify(generateKeyPair);
const DAY_MS = 86_400_000;
/** X.520 upper bound for CN, O and OU. */
const NAME_LIMIT = 64;

/** Issues an RSA identity for one enrollment, signed by the enrollment CA. */
export async function issueDeviceIdentity(ca: EnrollmentCa, options: IssueDeviceIdentityOptions): Promise<DeviceIdentity> {
  const now = options.now ?? new Date();
  const notAfter = new Date(Math.min(now.getTime() + (options.validityDays ?? 3650) * DAY_MS, ca.certificate.notAfter.getTime()));
  if (notAfter <= now) throw new MdmProtocolError('mdm.ca_invalid', 'the enrollment CA has expired: it cannot issue identities');
  const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const certificate = buildCertificate({
    subject: {
      commonName: limit(options.udidHint.trim() ? `Provisio device ${options.udidHint.trim()}` : 'Provisio device'),
      organization: limit(options.og.name) || undefined,
      organizationalUnit: `og:${options.og.id}`,
    },
    publicKey,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter,
    role: 'client',
    issuer: ca.issuer,
  });
  return { certificate, certificatePem: encodePem(certificate), sha256: parseCertificate(certificate).sha256, privateKey, notAfter };
}

function limit(text: string): string {
  return [...text].slice(0, NAME_LIMIT).join('');
}
