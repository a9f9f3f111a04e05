import type { PlistDict, PlistLimits } from '../../formats/plist/index.js';
import { writeXmlPlist } from '../../formats/plist/index.js';
import { MdmProtocolError, PlistFields, decodeMessageBody, httpsUrl, nonEmpty, plistDict } from '../protocol/index.js';

/** What InstallApplication's manifest tells a device: where the .ipa is and what it contains. */
export interface AppManifest {
  /** The .ipa download (https; typically a signed, expiring URL). */
  readonly ipaUrl: string;
  readonly bundleIdentifier: string;
  /** The app's version; Xcode writes CFBundleShortVersionString here. */
  readonly bundleVersion: string;
  readonly title: string;
  readonly subtitle?: string;
  /** 57×57 PNG shown while installing. */
  readonly displayImageUrl?: string;
  /** 512×512 PNG. */
  readonly fullSizeImageUrl?: string;
}

const UTF8 = new TextEncoder();

/**
 * The manifest plist (`items: [{ assets: [{ kind: 'software-package', url }], metadata: {
 * bundle-identifier, bundle-version, kind: 'software', title } }]`), as XML bytes.
 * Throws `mdm.invalid_argument` for a non-https URL or an empty identifier, version or title.
 */
export function buildAppManifest(manifest: AppManifest): Uint8Array {
  const assets: PlistDict[] = [{ kind: 'software-package', url: httpsUrl(manifest.ipaUrl, 'the .ipa URL') }];
  if (manifest.displayImageUrl) assets.push({ kind: 'display-image', url: httpsUrl(manifest.displayImageUrl, 'the display image URL') });
  if (manifest.fullSizeImageUrl) assets.push({ kind: 'full-size-image', url: httpsUrl(manifest.fullSizeImageUrl, 'the full size image URL') });
  const metadata = plistDict({
    'bundle-identifier': nonEmpty(manifest.bundleIdentifier, 'bundle-identifier'),
    'bundle-version': nonEmpty(manifest.bundleVersion, 'bundle-version'),
    kind: 'software',
    title: nonEmpty(manifest.title, 'title'),
    subtitle: manifest.subtitle,
  });
  return UTF8.encode(writeXmlPlist({ items: [{ assets, metadata }] }));
}

/** Reads a manifest as a device does (for the simulator and tests). Throws the protocol decoding codes. */
export function parseAppManifest(bytes: Uint8Array, limits?: Partial<PlistLimits>): AppManifest {
  const root = new PlistFields(decodeMessageBody(bytes, limits), 'app manifest');
  const item = PlistFields.of(root.requiredArray('items')[0] ?? [], 'items[0]');
  const metadata = new PlistFields(item.requiredDict('metadata'), 'metadata');
  const assets = item.requiredArray('assets').map((asset, index) => PlistFields.of(asset, `assets[${index}]`));
  return {
    ipaUrl: packageUrl(assets),
    bundleIdentifier: metadata.requiredString('bundle-identifier'),
    bundleVersion: metadata.requiredString('bundle-version'),
    title: metadata.requiredString('title'),
    subtitle: metadata.optionalString('subtitle'),
    displayImageUrl: assetUrl(assets, 'display-image'),
    fullSizeImageUrl: assetUrl(assets, 'full-size-image'),
  };
}

function assetUrl(assets: readonly PlistFields[], kind: string): string | undefined {
  return assets.find((asset) => asset.optionalString('kind') === kind)?.requiredString('url');
}

function packageUrl(assets: readonly PlistFields[]): string {
  const url = assetUrl(assets, 'software-package');
  if (url === undefined) throw new MdmProtocolError('mdm.missing_field', 'app manifest: no software-package asset');
  return url;
}
