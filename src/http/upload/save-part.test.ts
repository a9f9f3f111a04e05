import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { saveFilePart } from './save-part.js';

const folder = mkdtempSync(path.join(tmpdir(), 'provisio-parts-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function* chunks(total: number, size: number): Generator<Buffer> {
  for (let sent = 0; sent < total; sent += size) yield Buffer.alloc(Math.min(size, total - sent), 7);
}

describe('saveFilePart', () => {
  it('writes the stream to the file and returns its size', async () => {
    const destination = path.join(folder, 'ok');
    expect(await saveFilePart(Readable.from(chunks(10_000, 1000)), destination, 'ipa', 10_000)).toBe(10_000);
    expect(readFileSync(destination)).toHaveLength(10_000);
  });

  it('stops one byte over the limit with a 413 naming the field, and removes the partial file', async () => {
    const destination = path.join(folder, 'too-large');
    await expect(saveFilePart(Readable.from(chunks(10_001, 1000)), destination, 'profile', 10_000)).rejects.toMatchObject({
      status: 413,
      code: 'payload_too_large',
      details: { field: 'profile', limitBytes: 10_000 },
    });
    expect(existsSync(destination)).toBe(false);
  });

  it('neither overwrites nor removes a file that is already there', async () => {
    const destination = path.join(folder, 'taken');
    await saveFilePart(Readable.from(chunks(10, 10)), destination, 'ipa', 100);
    await expect(saveFilePart(Readable.from(chunks(20, 10)), destination, 'ipa', 100)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(destination)).toHaveLength(10);
  });
});
