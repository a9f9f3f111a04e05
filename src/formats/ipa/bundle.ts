import type { TrustAnchors } from '../cms/index.js';
import { parseProfile, type ProvisioningProfile } from '../profile/index.js';
import type { CertificateSummary } from '../x509/index.js';
import type { ZipArchive } from '../zip/index.js';
import { readBundleInfo, type BundleInfo } from './info-plist.js';
import { readSigningCertificate } from './signing-certificate.js';

/** What an app or extension bundle says about itself and who signed it. */
export interface InspectedBundle {
  readonly info: BundleInfo;
  readonly profile: ProvisioningProfile | null;
  readonly signingCertificate: CertificateSummary | null;
}

/** Profiles are a few KB; more than this is not one. */
const MAX_PROFILE_BYTES = 4 * 1024 * 1024;

/** Reads a bundle's Info.plist, embedded.mobileprovision and executable signature. */
export async function inspectBundle(archive: ZipArchive, bundlePath: string, trust: TrustAnchors): Promise<InspectedBundle> {
  const info = await readBundleInfo(archive, bundlePath);
  const [profile, signingCertificate] = await Promise.all([
    readEmbeddedProfile(archive, bundlePath, trust),
    readBundleSigner(archive, bundlePath, info.executable),
  ]);
  return { info, profile, signingCertificate };
}

async function readEmbeddedProfile(
  archive: ZipArchive,
  bundlePath: string,
  trust: TrustAnchors,
): Promise<ProvisioningProfile | null> {
  const entry = archive.get(`${bundlePath}/embedded.mobileprovision`);
  if (entry === undefined) return null;
  return parseProfile(await archive.read(entry, { maxSize: MAX_PROFILE_BYTES }), { trust });
}

/** A bundle without CFBundleExecutable, or whose executable is missing, has no signer to report. */
async function readBundleSigner(
  archive: ZipArchive,
  bundlePath: string,
  executable: string | null,
): Promise<CertificateSummary | null> {
  const entry = executable === null ? undefined : archive.get(`${bundlePath}/${executable}`);
  return entry === undefined ? null : readSigningCertificate(archive, entry);
}
