import { FormatError } from '../errors.js';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The DER bytes of every `label` block in PEM text (other blocks and text between blocks are
 * skipped). Throws `x509.invalid` when a block's body is not base64.
 */
export function decodePemBlocks(text: string, label = 'CERTIFICATE'): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (const [, blockLabel, body] of text.matchAll(BLOCK)) {
    if (blockLabel !== label) continue;
    const base64 = (body ?? '').replace(/\s+/g, '');
    if (!BASE64.test(base64) || base64.length % 4 !== 0) {
      throw new FormatError('x509.invalid', `a PEM ${label} block is not valid base64`);
    }
    blocks.push(new Uint8Array(Buffer.from(base64, 'base64')));
  }
  return blocks;
}

/** PEM text for DER bytes, base64 wrapped at 64 columns. */
export function encodePem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
