import type { SignatureVerification } from '../../formats/cms/index.js';
import type { ProfileTrust } from './profile-trust.js';
import { readIpaFile, readProfileFile, type IpaFile, type ProfileFile } from './upload-files.js';

/** The files of an app upload, parsed and verified. */
export interface AppUploadFiles {
  readonly ipa: IpaFile;
  readonly profile: ProfileFile | null;
}

/**
 * Parses an app upload: the optional profile first, then the .ipa. Older Apple profiles do not
 * carry Apple's root while newer ones do, so when one file teaches the anchors a pinned root and
 * another came out `untrusted`, both are read again; learned roots are remembered.
 */
export async function readAppUpload(ipaPath: string, profilePath: string | undefined, trust: ProfileTrust): Promise<AppUploadFiles> {
  const read = async (): Promise<AppUploadFiles> => {
    const profile = profilePath === undefined ? null : await readProfileFile(profilePath, trust.anchors);
    return { profile, ipa: await readIpaFile(ipaPath, trust.anchors) };
  };
  const first = await read();
  const signatures = signaturesIn(first);
  await trust.remember(signatures.flatMap((signature) => signature.learnedRoots));
  return needsSecondRead(signatures) ? read() : first;
}

/** Parses a profile uploaded on its own and remembers a pinned root it teaches. */
export async function readProfileUpload(path: string, trust: ProfileTrust): Promise<ProfileFile> {
  const file = await readProfileFile(path, trust.anchors);
  await trust.remember(file.profile.signature.learnedRoots);
  return file;
}

function signaturesIn(files: AppUploadFiles): SignatureVerification[] {
  const { inspection } = files.ipa;
  const profiles = [files.profile?.profile ?? null, inspection.profile, ...inspection.extensions.map((extension) => extension.profile)];
  return profiles.flatMap((profile) => (profile === null ? [] : [profile.signature]));
}

function needsSecondRead(signatures: readonly SignatureVerification[]): boolean {
  const learned = signatures.some((signature) => signature.learnedRoots.length > 0);
  return learned && signatures.some((signature) => signature.status === 'untrusted');
}
