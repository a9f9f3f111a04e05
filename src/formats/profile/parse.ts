import { parseSignedData, verifySignedData, type SignatureVerification, type TrustAnchors } from '../cms/index.js';
import { FormatError } from '../errors.js';
import { parsePlist } from '../plist/index.js';
import { summarizeCertificate } from '../x509/index.js';
import { readProfileFields } from './read-fields.js';
import type { ProfileCertificate, ProvisioningProfile } from './types.js';

export interface ParseProfileOptions {
  /** Anchors to verify the CMS signature against; learns pinned roots the profile carries. */
  readonly trust: TrustAnchors;
}

const UNSIGNED: SignatureVerification = {
  status: 'unsigned',
  signer: null,
  reason: 'a bare property list, not a signed profile',
  learnedRoots: [],
};

/**
 * Parses a .mobileprovision (CMS SignedData around an XML plist). A bare plist is accepted and
 * reported as `unsigned`, so an inspector can still show what it says; the server refuses it.
 * The signature is checked as of the profile's CreationDate: Apple's signing certificates
 * expire long before the profiles they signed stop mattering.
 */
export function parseProfile(bytes: Uint8Array, options: ParseProfileOptions): ProvisioningProfile {
  const kind = sniff(bytes);
  if (kind === 'plist') {
    const fields = readProfileFields(parsePlist(bytes));
    return finish(fields, UNSIGNED);
  }
  const signedData = parseSignedData(bytes);
  if (!signedData.content) {
    throw new FormatError('profile.no_content', 'the CMS message carries no content (detached signature)');
  }
  const fields = readProfileFields(parsePlist(signedData.content));
  const signature = verifySignedData(signedData, { trust: options.trust, at: fields.creationDate });
  return finish(fields, signature);
}

function finish(
  fields: ReturnType<typeof readProfileFields>,
  signature: SignatureVerification,
): ProvisioningProfile {
  const { developerCertificates, ...rest } = fields;
  return { ...rest, certificates: developerCertificates.map(toProfileCertificate), signature };
}

function toProfileCertificate(der: Uint8Array): ProfileCertificate {
  return { ...summarizeCertificate(der), der };
}

function sniff(bytes: Uint8Array): 'cms' | 'plist' {
  if (bytes.length === 0) throw new FormatError('profile.empty', 'the file is empty');
  if (bytes[0] === 0x30) return 'cms';
  if (startsLikePlist(bytes)) return 'plist';
  const first = bytes[0]!.toString(16).padStart(2, '0');
  throw new FormatError(
    'profile.unrecognized',
    `neither a signed profile (CMS) nor a property list: the file starts with byte 0x${first}`,
  );
}

function startsLikePlist(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x3c) return true; // '<'
  return bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 6)) === 'bplist';
}
