import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TrustAnchors } from '../formats/cms/index.js';
import { parseCertificate } from '../formats/x509/index.js';

/** Options for {@link loadTrustAnchors}. */
export interface LoadTrustAnchorsOptions {
  /** A PEM bundle of extra anchors to trust explicitly (e.g. a company CA, the test root). */
  readonly extraPemFile?: string;
}

const CERTIFICATE_FILE = /^([0-9a-f]{64})\.der$/;

/**
 * The trust anchors of this installation: the Apple Root CA pin, every root certificate kept in
 * `dir` as `<sha256>.der` (learned from profiles, or placed there by an operator), and the
 * optional PEM bundle. A missing folder is an empty one. A file whose name is not the SHA-256
 * of its bytes is skipped: it was truncated or tampered with.
 */
export async function loadTrustAnchors(dir: string, options: LoadTrustAnchorsOptions = {}): Promise<TrustAnchors> {
  const anchors = TrustAnchors.withApplePin();
  for (const der of await readStoredCertificates(dir)) {
    if (!anchors.learn(der)) anchors.addTrusted(der);
  }
  if (options.extraPemFile) anchors.addPemBundle(await readFile(options.extraPemFile, 'utf8'));
  return anchors;
}

/** Stores roots as `<sha256>.der` in `dir` (created when missing); each write is atomic. */
export async function rememberRoots(dir: string, roots: readonly Uint8Array[]): Promise<void> {
  if (roots.length === 0) return;
  await mkdir(dir, { recursive: true });
  for (const root of roots) {
    const { sha256, der } = parseCertificate(root);
    await writeAtomically(join(dir, `${sha256}.der`), der);
  }
}

async function readStoredCertificates(dir: string): Promise<Uint8Array[]> {
  const names = await listOrEmpty(dir);
  const certificates: Uint8Array[] = [];
  for (const name of names) {
    const match = CERTIFICATE_FILE.exec(name);
    if (!match) continue;
    const der = new Uint8Array(await readFile(join(dir, name)));
    if (sha256Of(der) === match[1]) certificates.push(der);
  }
  return certificates;
}

function sha256Of(der: Uint8Array): string | null {
  try {
    return parseCertificate(der).sha256;
  } catch {
    return null;
  }
}

async function listOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Write to a unique temp file in the same folder, then rename: readers never see half a file. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
