import { describe, expect, it } from 'vitest';
import { appleDoubleEntry, buildZip, concatBytes, fillerChunks, zeroChunks } from '../../testkit/zip/index.js';
import { openZip } from './archive.js';
import { memorySource } from './memory-source.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const open = async (bytes: Uint8Array) => openZip(memorySource(bytes));

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concatBytes(parts);
}

describe('openZip', () => {
  it('lists stored, deflated and directory entries in central directory order', async () => {
    const archive = await open(
      await buildZip([
        { name: 'Payload/' },
        { name: 'Payload/a.txt', content: text('deflated text, deflated text') },
        { name: 'Payload/b.bin', content: text('stored'), method: 'stored' },
      ]),
    );
    expect(archive.entries.map((entry) => [entry.name, entry.isDirectory, entry.method])).toEqual([
      ['Payload/', true, 0],
      ['Payload/a.txt', false, 8],
      ['Payload/b.bin', false, 0],
    ]);
    expect(archive.get('Payload/b.bin')?.uncompressedSize).toBe(6);
    expect(archive.get('payload/b.bin')).toBeUndefined();
  });

  it('reads stored, deflated and empty entries back exactly', async () => {
    const archive = await open(
      await buildZip([
        { name: 'a.txt', content: text('hello '.repeat(100)) },
        { name: 'b.bin', content: Uint8Array.of(0, 1, 2, 255), method: 'stored' },
        { name: 'empty-deflated', content: new Uint8Array(0) },
        { name: 'dir/' },
      ]),
    );
    const read = (name: string) => archive.read(archive.get(name)!);
    expect(new TextDecoder().decode(await read('a.txt'))).toBe('hello '.repeat(100));
    expect(await read('b.bin')).toEqual(Uint8Array.of(0, 1, 2, 255));
    expect(await read('empty-deflated')).toEqual(new Uint8Array(0));
    expect(await read('dir/')).toEqual(new Uint8Array(0));
  });

  it('opens an archive with no entries', async () => {
    expect((await open(await buildZip([]))).entries).toEqual([]);
  });

  it('finds the end record behind a comment that itself contains an end record signature', async () => {
    const fakeRecord = Uint8Array.of(0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0));
    const comment = Uint8Array.from([...text('built by a tool '), ...fakeRecord, ...text(' end')]);
    const archive = await open(await buildZip([{ name: 'x.txt', content: text('x') }], { comment }));
    expect(archive.entries.map((entry) => entry.name)).toEqual(['x.txt']);
  });

  it('reads ZIP64 end records and extra fields', async () => {
    const archive = await open(
      await buildZip(
        [
          { name: 'a.txt', content: text('zip64 '.repeat(50)) },
          { name: 'streamed.bin', content: fillerChunks(100_000), method: 'stored' },
        ],
        { forceZip64: true },
      ),
    );
    const streamed = archive.get('streamed.bin')!;
    expect(streamed.uncompressedSize).toBe(100_000);
    expect((await archive.read(streamed)).length).toBe(100_000);
    expect(new TextDecoder().decode(await archive.read(archive.get('a.txt')!))).toBe('zip64 '.repeat(50));
  });

  it('reads entries written with a data descriptor (sizes known only after the data)', async () => {
    const archive = await open(await buildZip([{ name: 'zeros', content: zeroChunks(900_000) }]));
    const entry = archive.get('zeros')!;
    expect(entry.flags & 0x0008).toBe(0x0008);
    expect((await archive.read(entry)).every((byte) => byte === 0)).toBe(true);
  });

  it('keeps __MACOSX entries and top-level folders as plain names', async () => {
    const archive = await open(
      await buildZip([{ name: 'Payload/A.app/Info.plist', content: text('x') }, appleDoubleEntry('Payload/A.app/Info.plist')], {
        prefix: 'MyApp/',
      }),
    );
    expect(archive.entries.map((entry) => entry.name)).toEqual([
      'MyApp/Payload/A.app/Info.plist',
      'MyApp/__MACOSX/Payload/A.app/._Info.plist',
    ]);
  });
});

describe('ZipArchive.stream', () => {
  it('yields a large entry in bounded chunks', async () => {
    const archive = await open(await buildZip([{ name: 'big', content: fillerChunks(5_000_000) }]));
    let total = 0;
    let largest = 0;
    for await (const chunk of archive.stream(archive.get('big')!)) {
      total += chunk.length;
      largest = Math.max(largest, chunk.length);
    }
    expect(total).toBe(5_000_000);
    expect(largest).toBeLessThanOrEqual(1024 * 1024);
  });

  it('lets a consumer stop early without an error', async () => {
    const archive = await open(await buildZip([{ name: 'zeros', content: zeroChunks(20_000_000) }]));
    let seen = 0;
    for await (const chunk of archive.stream(archive.get('zeros')!, { maxRatio: 2000 })) {
      seen += chunk.length;
      if (seen > 100_000) break;
    }
    expect(seen).toBeGreaterThan(100_000);
    expect(seen).toBeLessThan(20_000_000);
  });

  it('matches read() byte for byte, also above the size read() inflates in one piece', async () => {
    const archive = await open(await buildZip([{ name: 'f', content: fillerChunks(9 * 1024 * 1024) }]));
    const entry = archive.get('f')!;
    const streamed = Buffer.from(await collect(archive.stream(entry)));
    // Buffer.equals: vitest's deep equality walks a 300 KB array element by element.
    expect(streamed.equals(await archive.read(entry))).toBe(true);
  });
});

describe('ZipArchive.storedSource', () => {
  it('gives random access into a stored entry and null for a deflated one', async () => {
    const content = Uint8Array.from({ length: 5000 }, (_, i) => i % 256);
    const archive = await open(
      await buildZip([
        { name: 'stored', content, method: 'stored' },
        { name: 'deflated', content },
      ]),
    );
    const source = await archive.storedSource(archive.get('stored')!);
    expect(source?.size).toBe(5000);
    expect(await source?.read(4000, 3)).toEqual(content.subarray(4000, 4003));
    await expect(source?.read(4999, 2)).rejects.toThrow(RangeError);
    expect(await archive.storedSource(archive.get('deflated')!)).toBeNull();
  });
});
