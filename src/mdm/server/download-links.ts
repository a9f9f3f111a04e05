import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** How long an .ipa link (made when the manifest is fetched) stays valid. */
export const DOWNLOAD_LINK_TTL_MS = 24 * 3_600_000;
/** How long the manifest link inside a queued InstallApplication stays valid: a device may stay locked for weeks. */
export const MANIFEST_LINK_TTL_MS = 30 * 24 * 3_600_000;

/**
 * Signed, expiring links to app manifests and .ipa files: devices fetch them without a login,
 * so the URL itself is the permission. HMAC-SHA256 over the path and expiry with a server
 * secret kept in the data folder.
 */
export class DownloadLinks {
  constructor(
    private readonly secret: Uint8Array,
    private readonly publicBaseUrl: string,
  ) {}

  /** Loads the secret from `file`, creating it (owner-readable only) on first start. */
  static async open(file: string, publicBaseUrl: string): Promise<DownloadLinks> {
    return new DownloadLinks(await loadOrCreateSecret(file), publicBaseUrl);
  }

  /** An absolute URL to `path` (starting with `/`) valid until `expires`. */
  sign(path: string, expires: Date): string {
    const expiresAt = Math.floor(expires.getTime() / 1000);
    return `${this.publicBaseUrl}${path}?expires=${expiresAt}&signature=${this.#mac(path, expiresAt)}`;
  }

  /** True when `signature` was made by `sign` for this path and it has not expired at `now`. */
  verify(path: string, expires: string | undefined, signature: string | undefined, now: Date): boolean {
    if (expires === undefined || signature === undefined || !/^\d{1,12}$/.test(expires)) return false;
    const expiresAt = Number(expires);
    if (expiresAt * 1000 <= now.getTime()) return false;
    const expected = Buffer.from(this.#mac(path, expiresAt));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  #mac(path: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expiresAt}`).digest('base64url');
  }
}

async function loadOrCreateSecret(file: string): Promise<Uint8Array> {
  try {
    return await readSecret(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs, so both sign alike.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readSecret(file);
}

async function readSecret(file: string): Promise<Uint8Array> {
  const text = (await readFile(file, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} does not hold a 32-byte hex secret`);
  return Buffer.from(text, 'hex');
}
