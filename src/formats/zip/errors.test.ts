import { describe, expect, it } from 'vitest';
import { buildZip, type ZipEntryInput } from '../../testkit/zip/index.js';
import { openZip } from './archive.js';
import type { ZipEntryLimits, ZipOpenLimits } from './limits.js';
import { memorySource } from './memory-source.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

async function expectOpenError(zip: Uint8Array, code: string, limits: Partial<ZipOpenLimits> = {}): Promise<void> {
  await expect(openZip(memorySource(zip), limits)).rejects.toMatchObject({ name: 'FormatError', code });
}

/** Builds an archive of `entries`, then expects reading its first entry to fail with `code`. */
async function expectReadError(entries: ZipEntryInput[], code: string, limits: Partial<ZipEntryLimits> = {}): Promise<void> {
  const archive = await openZip(memorySource(await buildZip(entries)));
  await expect(archive.read(archive.entries[0]!, limits)).rejects.toMatchObject({ name: 'FormatError', code });
}

function withU32(zip: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = zip.slice();
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
}

/** Offset of the end of central directory record in an archive without a comment. */
const endRecord = (zip: Uint8Array): number => zip.length - 22;

describe('zip error codes', () => {
  it('zip.not_a_zip for a short text file, an empty file and zeros', async () => {
    await expectOpenError(text('not a zip file\n'), 'zip.not_a_zip');
    await expectOpenError(new Uint8Array(0), 'zip.not_a_zip');
    await expectOpenError(new Uint8Array(100_000), 'zip.not_a_zip');
  });

  it('zip.truncated for a download cut short, a cut central directory and data past the end', async () => {
    const zip = await buildZip([{ name: 'a.txt', content: text('a'.repeat(1000)) }]);
    await expectOpenError(zip.subarray(0, zip.length - 30), 'zip.truncated');
    await expectOpenError(await buildZip([{ name: 'a.txt', content: text('a') }], { cutCentralDirectory: 10 }), 'zip.truncated');
    await expectReadError([{ name: 'a', content: text('abc'), lie: { compressedSize: 1_000_000 } }], 'zip.truncated');
  });

  it('zip.corrupt for bad record signatures, invalid deflate data and a bad UTF-8 name', async () => {
    const zip = await buildZip([{ name: 'a.txt', content: text('abc') }]);
    const directoryOffset = new DataView(zip.buffer).getUint32(endRecord(zip) + 16, true);
    await expectOpenError(withU32(zip, directoryOffset, 0x12345678), 'zip.corrupt');
    const archive = await openZip(memorySource(withU32(zip, 0, 0x12345678)));
    await expect(archive.read(archive.entries[0]!)).rejects.toMatchObject({ code: 'zip.corrupt' });
    const notDeflate = new Uint8Array(10).fill(0xff);
    await expectReadError([{ name: 'x', content: notDeflate, method: 'stored', lie: { method: 8 } }], 'zip.corrupt');
    await expectOpenError(await buildZip([{ name: 'x', rawName: Uint8Array.of(0xc3), utf8Flag: true }]), 'zip.corrupt');
  });

  it('zip.unsupported for encryption, unknown methods and spanned archives', async () => {
    await expectReadError([{ name: 'secret', content: text('x'), lie: { extraFlags: 1 } }], 'zip.unsupported');
    await expectReadError([{ name: 'lzma', content: text('x'), lie: { method: 14 } }], 'zip.unsupported');
    const zip = await buildZip([{ name: 'a', content: text('x') }]);
    const spanned = zip.slice();
    new DataView(spanned.buffer).setUint16(endRecord(zip) + 4, 1, true);
    await expectOpenError(spanned, 'zip.unsupported');
  });

  it('zip.size_mismatch when the content is longer or shorter than declared', async () => {
    const content = text('twelve bytes');
    await expectReadError([{ name: 'a', content, lie: { uncompressedSize: 5 } }], 'zip.size_mismatch');
    await expectReadError([{ name: 'a', content, lie: { uncompressedSize: 50 } }], 'zip.size_mismatch');
    await expectReadError([{ name: 'a', content, method: 'stored', lie: { uncompressedSize: 5 } }], 'zip.size_mismatch');
  });

  it('stream() reports size and CRC-32 problems from its iteration', async () => {
    const drain = async (entries: ZipEntryInput[]) => {
      const archive = await openZip(memorySource(await buildZip(entries)));
      for await (const _ of archive.stream(archive.entries[0]!)) {
        // the verdict comes from the iteration itself
      }
    };
    const content = text('twelve bytes');
    await expect(drain([{ name: 'a', content, lie: { uncompressedSize: 5 } }])).rejects.toMatchObject({ code: 'zip.size_mismatch' });
    await expect(drain([{ name: 'a', content, lie: { uncompressedSize: 50 } }])).rejects.toMatchObject({ code: 'zip.size_mismatch' });
    await expect(drain([{ name: 'a', content, lie: { crc32: 1 } }])).rejects.toMatchObject({ code: 'zip.crc_mismatch' });
    const notDeflate = new Uint8Array(10).fill(0xff);
    await expect(drain([{ name: 'x', content: notDeflate, method: 'stored', lie: { method: 8 } }])).rejects.toMatchObject({
      code: 'zip.corrupt',
    });
  });

  it('zip.crc_mismatch when the content does not match its CRC-32', async () => {
    await expectReadError([{ name: 'a', content: text('abc'), lie: { crc32: 0xdeadbeef } }], 'zip.crc_mismatch');
    await expectReadError([{ name: 'a', content: text('abc'), method: 'stored', lie: { crc32: 0xdeadbeef } }], 'zip.crc_mismatch');
  });

  it('zip.too_many_entries, zip.too_large and zip.bomb follow the limits given', async () => {
    const entries: ZipEntryInput[] = [{ name: 'a', content: text('a'.repeat(5000)) }, { name: 'b' }, { name: 'c' }];
    const zip = await buildZip(entries);
    await expectOpenError(zip, 'zip.too_many_entries', { maxEntries: 2 });
    await expectOpenError(zip, 'zip.too_large', { maxCentralDirectorySize: 100 });
    await expectReadError(entries, 'zip.bomb', { maxSize: 4999 });
    await expectReadError(entries, 'zip.bomb', { maxRatio: 2, ratioAppliesFrom: 0 });
    const archive = await openZip(memorySource(zip));
    expect((await archive.read(archive.get('a')!, { maxSize: 5000 })).length).toBe(5000);
  });

  it('zip.unsafe_path and zip.duplicate_name reject the whole archive', async () => {
    const payload = { name: 'Payload/A.app/Info.plist', content: text('x') };
    await expectOpenError(await buildZip([payload, { name: '../../evil.sh', content: text('x') }]), 'zip.unsafe_path');
    await expectOpenError(await buildZip([payload, { ...payload, content: text('two') }]), 'zip.duplicate_name');
  });
});
