import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBlockingFileSource, openFileSource, type FileSource } from './file-source.js';

const openers: ReadonlyArray<[string, (path: string) => Promise<FileSource>]> = [
  ['openFileSource', openFileSource],
  ['openBlockingFileSource', (path) => Promise.resolve().then(() => openBlockingFileSource(path))],
];

describe.each(openers)('%s', (_name, openSource) => {
  let directory = '';
  let path = '';
  const content = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'provisio-file-source-'));
    path = join(directory, 'data.bin');
    await writeFile(path, content);
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reports the file size and reads byte ranges at any offset', async () => {
    const source = await openSource(path);
    try {
      expect(source.size).toBe(1000);
      expect(await source.read(990, 10)).toEqual(content.subarray(990, 1000));
      expect(await source.read(3, 4)).toEqual(content.subarray(3, 7));
      expect(await source.read(1000, 0)).toEqual(new Uint8Array(0));
    } finally {
      await source.close();
    }
  });

  it('throws instead of returning fewer bytes than asked for', async () => {
    const source = await openSource(path);
    try {
      await expect(source.read(995, 10)).rejects.toThrow(RangeError);
      await expect(source.read(-1, 1)).rejects.toThrow(RangeError);
    } finally {
      await source.close();
    }
  });

  it('rejects a missing file', async () => {
    await expect(openSource(join(directory, 'missing.bin'))).rejects.toThrow(/ENOENT/);
  });

  it('cannot be read once closed', async () => {
    const source = await openSource(path);
    await source.close();
    await expect(source.read(0, 1)).rejects.toThrow(/EBADF|closed/);
  });
});
