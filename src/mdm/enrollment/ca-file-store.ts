import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MdmProtocolError } from '../protocol/index.js';
import type { CaMaterial } from './ca.js';
import type { CaStore } from './ca-store.js';

const KEY_BLOCK = /-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n?/;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/;

/**
 * The enrollment CA in one PEM file (key, then certificate), readable by the owner only.
 * One file, created with a hard link, so a half-written or concurrently written CA never shows.
 */
export class FileCaStore implements CaStore {
  constructor(readonly path: string) {}

  async load(): Promise<CaMaterial | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const privateKeyPem = KEY_BLOCK.exec(text)?.[0];
    const certificatePem = CERTIFICATE_BLOCK.exec(text)?.[0];
    if (!privateKeyPem || !certificatePem) {
      throw new MdmProtocolError('mdm.ca_invalid', `${this.path} does not hold a PRIVATE KEY and a CERTIFICATE`);
    }
    return { certificatePem, privateKeyPem };
  }

  async save(material: CaMaterial): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, withNewline(material.privateKeyPem) + withNewline(material.certificatePem), {
      mode: 0o600,
      flag: 'wx',
    });
    try {
      // link() fails when the target exists, unlike rename(): the first CA saved stays.
      await link(temporary, this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
  }
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
