import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLE_ROOT_CA_SHA256 } from '../formats/cms/index.js';
import { testPki } from '../testkit/pki/index.js';
import { loadTrustAnchors, rememberRoots } from './trust-store.js';

const pki = testPki();
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'provisio-trust-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('trust store', () => {
  it('starts from the Apple pin when the folder does not exist', async () => {
    const anchors = await loadTrustAnchors(join(dir, 'missing'));
    expect(anchors.isPinned(APPLE_ROOT_CA_SHA256)).toBe(true);
    expect(anchors.certificates()).toEqual([]);
  });

  it('remembers roots as <sha256>.der and loads them back, leaving no temp files', async () => {
    const store = join(dir, 'roots');
    await rememberRoots(store, [pki.root.der, pki.root.der]);
    expect(await readdir(store)).toEqual([`${pki.root.summary.sha256}.der`]);
    const anchors = await loadTrustAnchors(store);
    expect(anchors.has(pki.root.der)).toBe(true);
  });

  it('does nothing for an empty list', async () => {
    await rememberRoots(join(dir, 'untouched'), []);
    expect(await readdir(dir)).toEqual([]);
  });

  it('skips files whose name is not the SHA-256 of their content', async () => {
    await writeFile(join(dir, `${pki.root.summary.sha256}.der`), pki.intermediate.der);
    await writeFile(join(dir, `${'0'.repeat(64)}.der`), Uint8Array.of(1, 2, 3));
    await writeFile(join(dir, 'notes.txt'), 'hello');
    const anchors = await loadTrustAnchors(dir);
    expect(anchors.certificates()).toEqual([]);
  });

  it('adds the anchors of an extra PEM bundle', async () => {
    const pemFile = join(dir, 'extra.pem');
    await writeFile(pemFile, pki.root.pem + pki.intermediate.pem);
    const anchors = await loadTrustAnchors(join(dir, 'roots'), { extraPemFile: pemFile });
    expect(anchors.has(pki.root.der) && anchors.has(pki.intermediate.der)).toBe(true);
  });
});
