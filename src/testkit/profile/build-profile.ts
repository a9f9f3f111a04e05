import type { KeyObject } from 'node:crypto';
import { writeXmlPlist } from '../../formats/plist/index.js';
import { signCms, testPki } from '../pki/index.js';
import { profilePayload, type ProfileSpec } from './payload.js';

export interface ProfileSigner {
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  /** Certificates carried besides the signer's (intermediate, maybe the root). */
  readonly chain: readonly Uint8Array[];
}

export interface BuildProfileOptions extends ProfileSpec {
  /** Who signs; the test PKI's profile signer (chain: intermediate and root) by default. */
  readonly signer?: ProfileSigner;
  /** `ber` (default) is how Apple encodes profiles. */
  readonly encoding?: 'ber' | 'der';
  readonly digest?: 'sha1' | 'sha256';
  /** `false` returns the bare XML plist, unsigned. */
  readonly signed?: boolean;
}

/**
 * A provisioning profile as Apple's portal would issue it, signed by the test PKI unless told
 * otherwise. Certificates default to one distribution certificate of the profile's team.
 */
export function buildProfile(options: BuildProfileOptions = {}): Uint8Array {
  const developerCertificates = options.developerCertificates ?? [defaultDeveloperCertificate(options.teamId)];
  const xml = new TextEncoder().encode(writeXmlPlist(profilePayload({ ...options, developerCertificates })));
  if (options.signed === false) return xml;
  const signer = options.signer ?? defaultSigner();
  return signCms(xml, {
    signer,
    chain: signer.chain,
    digest: options.digest ?? 'sha1',
    encoding: options.encoding ?? 'ber',
    signingTime: options.creationDate,
  });
}

/** The test PKI's profile signer, carrying intermediate and root like modern Apple profiles. */
export function defaultSigner(): ProfileSigner {
  const pki = testPki();
  return { certificate: pki.profileSigner.der, privateKey: pki.profileSigner.privateKey, chain: [pki.intermediate.der, pki.root.der] };
}

function defaultDeveloperCertificate(teamId = 'TESTTEAM01'): Uint8Array {
  return testPki().developerCertificate(teamId, 'Provisio Test Team', {
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2028-01-01T00:00:00Z'),
  }).der;
}

/**
 * Changes one character of the signed payload without touching the signature, the way an
 * edited profile looks: the UUID's last hex digit is flipped.
 */
export function tamperProfile(signed: Uint8Array, uuid: string): Uint8Array {
  const copy = new Uint8Array(signed);
  const needle = new TextEncoder().encode(uuid);
  const at = Buffer.from(copy).indexOf(needle);
  if (at < 0) throw new Error('the UUID is not in the signed bytes in one piece');
  const last = at + needle.length - 1;
  copy[last] = copy[last] === 0x30 ? 0x31 : 0x30;
  return copy;
}
