import { FormatError, isFormatError } from '../errors.js';
import { isDict, optionalString } from '../plist/access.js';
import { parsePlist, type PlistDict } from '../plist/index.js';
import type { ZipArchive } from '../zip/index.js';

/** The Info.plist keys Provisio reads from an app or extension bundle. */
export interface BundleInfo {
  readonly format: 'binary' | 'xml';
  readonly bundleId: string;
  readonly shortVersion: string | null;
  readonly version: string | null;
  readonly displayName: string | null;
  readonly minimumOsVersion: string | null;
  readonly executable: string | null;
}

/** Info.plist files are a few KB; the limit only stops an archive from making us hold gigabytes. */
const MAX_INFO_PLIST_BYTES = 8 * 1024 * 1024;
const BINARY_MAGIC = 'bplist';
const INVALID = 'ipa.invalid_info_plist';

/**
 * Reads `<bundlePath>/Info.plist`. Throws `ipa.no_info_plist`, `ipa.invalid_info_plist` (not a
 * plist, not a dictionary, or a key of the wrong type; the plist error is the `cause`) and
 * `ipa.missing_bundle_id`.
 */
export async function readBundleInfo(archive: ZipArchive, bundlePath: string): Promise<BundleInfo> {
  const entry = archive.get(`${bundlePath}/Info.plist`);
  if (entry === undefined) {
    throw new FormatError('ipa.no_info_plist', `${bundlePath} has no Info.plist`);
  }
  const bytes = await archive.read(entry, { maxSize: MAX_INFO_PLIST_BYTES });
  const plist = parseInfoPlist(bytes, bundlePath);
  const bundleId = optionalString(plist, 'CFBundleIdentifier', INVALID);
  if (bundleId === undefined || bundleId === '') {
    throw new FormatError('ipa.missing_bundle_id', `${bundlePath}/Info.plist has no CFBundleIdentifier`);
  }
  return {
    format: startsWith(bytes, BINARY_MAGIC) ? 'binary' : 'xml',
    bundleId,
    shortVersion: optionalString(plist, 'CFBundleShortVersionString', INVALID) ?? null,
    version: optionalString(plist, 'CFBundleVersion', INVALID) ?? null,
    displayName:
      optionalString(plist, 'CFBundleDisplayName', INVALID) ?? optionalString(plist, 'CFBundleName', INVALID) ?? null,
    minimumOsVersion: optionalString(plist, 'MinimumOSVersion', INVALID) ?? null,
    executable: optionalString(plist, 'CFBundleExecutable', INVALID) ?? null,
  };
}

function parseInfoPlist(bytes: Uint8Array, bundlePath: string): PlistDict {
  let value;
  try {
    value = parsePlist(bytes);
  } catch (error) {
    if (!isFormatError(error)) throw error;
    throw new FormatError(INVALID, `${bundlePath}/Info.plist: ${error.code}: ${error.message}`, { cause: error });
  }
  if (!isDict(value)) {
    throw new FormatError(INVALID, `${bundlePath}/Info.plist is not a dictionary`);
  }
  return value;
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  return [...text].every((char, index) => bytes[index] === char.charCodeAt(0));
}
