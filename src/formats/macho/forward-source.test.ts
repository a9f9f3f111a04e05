import { describe, expect, it } from 'vitest';
import { streamedSource } from './forward-source.js';

const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);

async function* chunks(size: number, log: string[] = []): AsyncGenerator<Uint8Array> {
  try {
    for (let at = 0; at < bytes.length; at += size) {
      await Promise.resolve();
      log.push(`chunk ${at}`);
      yield bytes.slice(at, at + size);
    }
  } finally {
    log.push('closed');
  }
}

describe('streamedSource', () => {
  it('serves forward reads across chunk boundaries, including re-reads from the same start', async () => {
    const source = streamedSource(chunks(7), 100);
    expect(await source.read(3, 4)).toEqual(bytes.subarray(3, 7));
    expect(await source.read(3, 10)).toEqual(bytes.subarray(3, 13));
    expect(await source.read(50, 20)).toEqual(bytes.subarray(50, 70));
    expect(await source.read(99, 1)).toEqual(bytes.subarray(99, 100));
    await source.close();
  });

  it('refuses to go backwards: macho.invalid', async () => {
    const source = streamedSource(chunks(10), 100);
    await source.read(40, 5);
    await expect(source.read(39, 1)).rejects.toMatchObject({ code: 'macho.invalid' });
  });

  it('macho.truncated past the declared size or when the stream ends early', async () => {
    await expect(streamedSource(chunks(10), 100).read(95, 10)).rejects.toMatchObject({ code: 'macho.truncated' });
    await expect(streamedSource(chunks(10), 200).read(150, 10)).rejects.toMatchObject({ code: 'macho.truncated' });
  });

  it('pulls only the chunks it needs and stops the stream on close', async () => {
    const log: string[] = [];
    const source = streamedSource(chunks(10, log), 100);
    await source.read(12, 3);
    await source.close();
    expect(log).toEqual(['chunk 0', 'chunk 10', 'closed']);
  });
});
