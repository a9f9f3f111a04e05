import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileBlobStore } from './blob-store.js';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readAll(stream: Readable | undefined): Promise<Buffer> {
  if (stream === undefined) throw new Error('blob missing');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function* slices(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield bytes.subarray(offset, offset + size);
  }
}

/** A stream delivering `bytes` in chunks of `size`, as an upload would. */
function chunksOf(bytes: Uint8Array, size: number): Readable {
  return Readable.from(slices(bytes, size));
}

describe('FileBlobStore', () => {
  let dataDir: string;
  let store: FileBlobStore;
  const content = Buffer.from('PK\u0003\u0004 pretend this is an IPA '.repeat(1000));

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-blobs-'));
    store = new FileBlobStore(dataDir, { maxBytes: 1_000_000 });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const info = await store.put(content);
    const digest = sha256(content);
    expect(info).toEqual({ sha256: digest, size: content.length });
    expect(store.path(digest)).toBe(path.join(dataDir, 'blobs', digest.slice(0, 2), digest.slice(2, 4), digest));
    expect(await readFile(store.path(digest))).toEqual(content);
    expect(await readAll(await store.open(digest.toUpperCase()))).toEqual(content);
    expect(await store.has(digest)).toBe(true);
  });

  it('gives the same digest and one file for a stream, a file and bytes', async () => {
    const source = path.join(dataDir, 'upload.ipa');
    writeFileSync(source, content);
    const fromStream = await store.put(chunksOf(content, 777));
    const fromFile = await store.put(source);
    const fromBytes = await store.put(new Uint8Array(content));
    expect(fromFile).toEqual(fromStream);
    expect(fromBytes).toEqual(fromStream);
    const [first, second] = [fromStream.sha256.slice(0, 2), fromStream.sha256.slice(2, 4)];
    expect(readdirSync(path.join(dataDir, 'blobs', first, second))).toEqual([fromStream.sha256]);
    expect(readdirSync(path.join(dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('stores identical content concurrently without conflict', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => store.put(chunksOf(content, 1000))));
    expect(new Set(results.map((result) => result.sha256)).size).toBe(1);
    expect(await readAll(await store.open(sha256(content)))).toEqual(content);
  });

  it('stores the empty blob', async () => {
    expect(await store.put(new Uint8Array())).toEqual({ sha256: sha256(new Uint8Array()), size: 0 });
  });

  it('aborts at the size limit and leaves no file behind', async () => {
    await expect(store.put(chunksOf(content, 100), { maxBytes: content.length - 1 })).rejects.toMatchObject({ code: 'blob.too_large' });
    expect(readdirSync(path.join(dataDir, 'blobs', 'tmp'))).toEqual([]);
    expect(await store.has(sha256(content))).toBe(false);
    expect((await store.put(content, { maxBytes: content.length })).size).toBe(content.length);
  });

  it('applies the store-wide limit by default', async () => {
    const small = new FileBlobStore(dataDir, { maxBytes: 10 });
    await expect(small.put(content)).rejects.toMatchObject({ code: 'blob.too_large' });
  });

  it('cleans up when the source fails halfway', async () => {
    function* broken(): Generator<Uint8Array> {
      yield content.subarray(0, 100);
      throw new Error('connection reset');
    }
    await expect(store.put(Readable.from(broken()))).rejects.toThrow('connection reset');
    expect(readdirSync(path.join(dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('deletes a blob once', async () => {
    const { sha256: digest } = await store.put(content);
    expect(await store.delete(digest)).toBe(true);
    expect(await store.delete(digest)).toBe(false);
    expect(await store.has(digest)).toBe(false);
    expect(await store.open(digest)).toBeUndefined();
  });

  it.each(['../../../etc/passwd', 'abc', `${'a'.repeat(63)}/`, `${'g'.repeat(64)}`])('rejects the digest %j', async (digest) => {
    await expect(store.open(digest)).rejects.toMatchObject({ code: 'blob.bad_digest' });
    await expect(store.has(digest)).rejects.toMatchObject({ code: 'blob.bad_digest' });
    await expect(store.delete(digest)).rejects.toMatchObject({ code: 'blob.bad_digest' });
    expect(() => store.path(digest)).toThrow(expect.objectContaining({ code: 'blob.bad_digest' }));
  });
});
