import { readFile } from 'node:fs/promises';
import type { TrustAnchors } from '../../formats/cms/index.js';
import { isFormatError } from '../../formats/errors.js';
import { inspectIpa, type IpaInspection } from '../../formats/ipa/index.js';
import { parseProfile, type ProvisioningProfile } from '../../formats/profile/index.js';
import { openZip } from '../../formats/zip/index.js';
import { openFileSource, type FileSource } from '../../io/file-source.js';
import { ApiError } from '../../http/errors.js';

/** A profile file as uploaded: what it says, and its signed bytes (what devices get). */
export interface ProfileFile {
  readonly profile: ProvisioningProfile;
  readonly bytes: Uint8Array;
}

/** An uploaded .ipa, inspected, with the signed bytes of every profile it embeds (by UUID). */
export interface IpaFile {
  readonly inspection: IpaInspection;
  readonly embeddedProfiles: ReadonlyMap<string, Uint8Array>;
}

/** Embedded profiles are a few KB; the parser refuses more than this too. */
const MAX_EMBEDDED_PROFILE_BYTES = 4 * 1024 * 1024;

/** Which uploaded file a parse failure concerns, named in the error. */
type UploadedFileKind = 'ipa' | 'profile';

/**
 * Parses an uploaded profile file; the HTTP layer has already bounded its size. A file that is
 * not a profile is a 422 with the parser's code, naming the file.
 */
export async function readProfileFile(path: string, trust: TrustAnchors): Promise<ProfileFile> {
  const bytes = new Uint8Array(await readFile(path));
  return { profile: await explainFormatErrors('profile', () => parseProfile(bytes, { trust })), bytes };
}

/** Inspects an uploaded .ipa on disk, reading only the entries it needs. */
export async function readIpaFile(path: string, trust: TrustAnchors): Promise<IpaFile> {
  const source = await openFileSource(path);
  try {
    return await explainFormatErrors('ipa', async () => {
      const inspection = await inspectIpa(source, { trust });
      return { inspection, embeddedProfiles: await readEmbeddedProfiles(source, inspection) };
    });
  } finally {
    await source.close();
  }
}

/** The signed bytes of the app's and each extension's embedded.mobileprovision, by profile UUID. */
async function readEmbeddedProfiles(source: FileSource, inspection: IpaInspection): Promise<Map<string, Uint8Array>> {
  const archive = await openZip(source);
  const bundles = [
    { path: inspection.appPath, profile: inspection.profile },
    ...inspection.extensions.map((extension) => ({ path: extension.path, profile: extension.profile })),
  ];
  const found = new Map<string, Uint8Array>();
  for (const { path, profile } of bundles) {
    const entry = archive.get(`${path}/embedded.mobileprovision`);
    if (profile === null || entry === undefined) continue;
    found.set(profile.uuid, await archive.read(entry, { maxSize: MAX_EMBEDDED_PROFILE_BYTES }));
  }
  return found;
}

async function explainFormatErrors<T>(file: UploadedFileKind, parse: () => T | Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (error) {
    if (!isFormatError(error)) throw error;
    const what = file === 'ipa' ? 'the .ipa file' : 'the profile file';
    const message = `${what} cannot be read: ${error.message}`;
    throw new ApiError('unprocessable', message, { code: error.code, details: { file }, cause: error });
  }
}
