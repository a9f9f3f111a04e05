import { open } from 'node:fs/promises';
import type { SignatureVerification, TrustAnchors } from '../formats/cms/index.js';
import { FormatError, isFormatError } from '../formats/errors.js';
import { inspectIpa, type IpaInspection } from '../formats/ipa/index.js';
import { parseProfile, type ProvisioningProfile } from '../formats/profile/index.js';
import { openBlockingFileSource } from '../io/file-source.js';

export type InspectedFile =
  | { readonly path: string; readonly kind: 'profile'; readonly profile: ProvisioningProfile }
  | { readonly path: string; readonly kind: 'ipa'; readonly ipa: IpaInspection }
  | { readonly path: string; readonly kind: 'error'; readonly error: { readonly code: string; readonly message: string } };

/** Profiles are a few KB; anything this large is not one and is refused before it is read. */
const MAX_PROFILE_BYTES = 16 * 1024 * 1024;
const IPA_EXTENSION = /\.ipa$/i;

/** Names a directory walk picks up. */
export function isInspectableName(name: string): boolean {
  return /\.(ipa|mobileprovision|provisionprofile)$/i.test(name);
}

/**
 * Inspects files one by one, then verifies again those that came out `untrusted` if a later
 * file taught a pinned root: older Apple profiles do not carry the root, newer ones do.
 */
export async function inspectFiles(paths: readonly string[], trust: TrustAnchors): Promise<InspectedFile[]> {
  const results: InspectedFile[] = [];
  for (const path of paths) results.push(await inspectFile(path, trust));
  if (!results.some((result) => learnedRoots(result).length > 0)) return results;
  for (const [index, result] of results.entries()) {
    if (isUntrusted(result)) results[index] = await inspectFile(result.path, trust);
  }
  return results;
}

/** Inspects one file as an IPA (zip magic or .ipa name) or as a provisioning profile. */
export async function inspectFile(path: string, trust: TrustAnchors): Promise<InspectedFile> {
  try {
    if (IPA_EXTENSION.test(path) || (await startsWithZipMagic(path))) {
      return { path, kind: 'ipa', ipa: await inspectIpaFile(path, trust) };
    }
    return { path, kind: 'profile', profile: parseProfile(await readProfileBytes(path), { trust }) };
  } catch (error) {
    if (isFormatError(error)) return { path, kind: 'error', error: { code: error.code, message: error.message } };
    if (isNodeError(error)) return { path, kind: 'error', error: { code: 'input.unreadable', message: error.message } };
    throw error;
  }
}

/** Every pinned root the signatures in this result taught the trust anchors. */
export function learnedRoots(result: InspectedFile): Uint8Array[] {
  return signaturesOf(result).flatMap((signature) => signature.learnedRoots);
}

function isUntrusted(result: InspectedFile): boolean {
  return signaturesOf(result).some((signature) => signature.status === 'untrusted');
}

function signaturesOf(result: InspectedFile): SignatureVerification[] {
  if (result.kind === 'profile') return [result.profile.signature];
  if (result.kind === 'ipa') {
    const profiles = [result.ipa.profile, ...result.ipa.extensions.map((extension) => extension.profile)];
    return profiles.flatMap((profile) => (profile ? [profile.signature] : []));
  }
  return [];
}

/** Files are inspected one after another, so blocking reads cost nothing but save round trips. */
async function inspectIpaFile(path: string, trust: TrustAnchors): Promise<IpaInspection> {
  const source = openBlockingFileSource(path);
  try {
    return await inspectIpa(source, { trust });
  } finally {
    await source.close();
  }
}

async function readProfileBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_PROFILE_BYTES) {
      throw new FormatError('input.too_large', `${size} bytes is too large for a provisioning profile`);
    }
    const bytes = new Uint8Array(size);
    await handle.read(bytes, 0, size, 0);
    return bytes;
  } finally {
    await handle.close();
  }
}

async function startsWithZipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    await handle.close();
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
