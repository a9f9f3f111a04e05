import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../io/byte-source.js';
import { buildZip, zeroChunks, type ZipEntryInput } from '../../testkit/zip/index.js';
import { openZip } from './archive.js';
import { memorySource } from './memory-source.js';

const formatError = (code: string) => ({ name: 'FormatError', code });

/** Runs `action` and returns how long it took to settle, so each test can assert both. */
async function timed(action: () => Promise<unknown>): Promise<{ error: unknown; milliseconds: number }> {
  const started = performance.now();
  try {
    await action();
    return { error: null, milliseconds: performance.now() - started };
  } catch (error) {
    return { error, milliseconds: performance.now() - started };
  }
}

async function openAndReadAll(source: ByteSource): Promise<void> {
  const archive = await openZip(source);
  for (const entry of archive.entries) await archive.read(entry);
}

describe('hostile archives are rejected within a second', () => {
  it('a deflate bomb with honest sizes: zip.bomb before inflating anything', async () => {
    const zip = await buildZip([{ name: 'Payload/A.app/Info.plist', content: zeroChunks(200 * 1024 * 1024) }]);
    const result = await timed(() => openAndReadAll(memorySource(zip)));
    expect(result.error).toMatchObject(formatError('zip.bomb'));
    expect(result.milliseconds).toBeLessThan(1000);
  });

  it('a deflate bomb that declares 1 KB: zip.size_mismatch after the first chunk', async () => {
    const lying: ZipEntryInput = {
      name: 'Payload/A.app/Info.plist',
      content: zeroChunks(200 * 1024 * 1024),
      lie: { uncompressedSize: 1024 },
    };
    const zip = await buildZip([lying]);
    const result = await timed(() => openAndReadAll(memorySource(zip)));
    expect(result.error).toMatchObject(formatError('zip.size_mismatch'));
    expect(result.milliseconds).toBeLessThan(1000);
  });

  it('a path that climbs out with ../: zip.unsafe_path', async () => {
    const zip = await buildZip([{ name: 'Payload/../../../../tmp/evil', content: new Uint8Array(1) }]);
    const result = await timed(() => openAndReadAll(memorySource(zip)));
    expect(result.error).toMatchObject(formatError('zip.unsafe_path'));
    expect(result.milliseconds).toBeLessThan(1000);
  });

  it('100,001 entries: zip.too_many_entries (100,000 still open)', async () => {
    const empty = new Uint8Array(0);
    const entries = (count: number) =>
      Array.from({ length: count }, (_, index): ZipEntryInput => ({ name: `f/${index}`, content: empty, method: 'stored' }));
    const tooMany = await buildZip(entries(100_001));
    const result = await timed(() => openZip(memorySource(tooMany)));
    expect(result.error).toMatchObject(formatError('zip.too_many_entries'));
    expect(result.milliseconds).toBeLessThan(1000);
    expect((await openZip(memorySource(await buildZip(entries(100_000))))).entries).toHaveLength(100_000);
  });

  it('a stored entry that lies about its size: zip.size_mismatch', async () => {
    const zip = await buildZip([{ name: 'a', content: new Uint8Array(4096), method: 'stored', lie: { compressedSize: 10 } }]);
    const result = await timed(() => openAndReadAll(memorySource(zip)));
    expect(result.error).toMatchObject(formatError('zip.size_mismatch'));
    expect(result.milliseconds).toBeLessThan(1000);
  });

  it('a truncated central directory: zip.truncated', async () => {
    const zip = await buildZip(
      Array.from({ length: 50 }, (_, index) => ({ name: `Payload/A.app/file${index}`, content: new Uint8Array(10) })),
      { cutCentralDirectory: 500 },
    );
    const result = await timed(() => openAndReadAll(memorySource(zip)));
    expect(result.error).toMatchObject(formatError('zip.truncated'));
    expect(result.milliseconds).toBeLessThan(1000);
  });
});
