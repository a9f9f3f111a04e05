import type { ByteSource } from '../../io/byte-source.js';
import { openZip } from '../zip/index.js';
import { inspectBundle } from './bundle.js';
import { findAppBundle, findExtensions } from './bundle-layout.js';
import { effectiveExpiry } from './effective-expiry.js';
import type { InspectIpaOptions, IpaExtension, IpaInspection } from './types.js';

/**
 * Reads what an .ipa says about its app: Info.plist fields, embedded profiles, the certificates
 * that signed the executables, for the app and each `PlugIns/*.appex`. Reads the zip's central
 * directory and only the few entries it needs, so the size of the archive hardly matters.
 */
export async function inspectIpa(source: ByteSource, options: InspectIpaOptions): Promise<IpaInspection> {
  const archive = await openZip(source);
  const names = archive.entries.map((entry) => entry.name);
  const appPath = findAppBundle(names);
  const [app, ...extensions] = await Promise.all(
    [appPath, ...findExtensions(names, appPath)].map(async (path) => ({
      path,
      ...(await inspectBundle(archive, path, options.trust)),
    })),
  );
  const { info, profile, signingCertificate } = app!;
  return {
    bundleId: info.bundleId,
    shortVersion: info.shortVersion,
    version: info.version,
    displayName: info.displayName,
    minimumOsVersion: info.minimumOsVersion,
    infoPlistFormat: info.format,
    appPath,
    profile,
    signingCertificate,
    extensions: extensions.map(
      (extension): IpaExtension => ({
        bundleId: extension.info.bundleId,
        path: extension.path,
        shortVersion: extension.info.shortVersion,
        version: extension.info.version,
        profile: extension.profile,
        signingCertificate: extension.signingCertificate,
      }),
    ),
    effectiveExpiry: effectiveExpiry([app!, ...extensions]),
  };
}
