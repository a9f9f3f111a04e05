import { writeBinaryPlist, writeXmlPlist } from '../../formats/plist/index.js';
import type { PlistDict, PlistValue } from '../../formats/plist/types.js';
import type { IpaBundleSpec } from './spec.js';

export interface InfoPlistContext {
  readonly bundleName: string;
  readonly executable: string;
  readonly packageType: 'APPL' | 'XPC!';
  readonly minimumOsVersion: string;
}

/** The Info.plist bytes Xcode would write for this bundle, or the spec's verbatim bytes. */
export function infoPlistBytes(spec: IpaBundleSpec, context: InfoPlistContext): Uint8Array | null {
  if (spec.infoPlistBytes !== undefined) return spec.infoPlistBytes;
  const plist = infoPlist(spec, context);
  return spec.infoPlistFormat === 'xml' ? new TextEncoder().encode(writeXmlPlist(plist)) : writeBinaryPlist(plist);
}

function infoPlist(spec: IpaBundleSpec, context: InfoPlistContext): PlistDict {
  const entries: Array<[string, PlistValue | null | undefined]> = [
    ['CFBundleDevelopmentRegion', 'en'],
    ['CFBundleDisplayName', spec.displayName],
    ['CFBundleExecutable', context.executable],
    ['CFBundleIdentifier', spec.bundleId],
    ['CFBundleInfoDictionaryVersion', '6.0'],
    ['CFBundleName', context.bundleName],
    ['CFBundlePackageType', context.packageType],
    ['CFBundleShortVersionString', spec.shortVersion === undefined ? '1.0' : spec.shortVersion],
    ['CFBundleSupportedPlatforms', ['iPhoneOS']],
    ['CFBundleVersion', spec.version === undefined ? '1' : spec.version],
    ['MinimumOSVersion', context.minimumOsVersion],
    ['UIDeviceFamily', [1, 2]],
    ['NSExtension', context.packageType === 'XPC!' ? widgetExtension() : undefined],
  ];
  const plist = Object.create(null) as PlistDict;
  for (const [key, value] of entries) if (value !== null && value !== undefined) plist[key] = value;
  return Object.assign(plist, spec.infoPlistExtras ?? {});
}

function widgetExtension(): PlistDict {
  const extension = Object.create(null) as PlistDict;
  extension.NSExtensionPointIdentifier = 'com.apple.widgetkit-extension';
  return extension;
}
