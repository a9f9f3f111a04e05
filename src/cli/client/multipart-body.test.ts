import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_EXIT, CliError } from './cli-error.js';
import { multipartBody, sizeFiles } from './multipart-body.js';

let dir: string;
const content = new Uint8Array(100_000).map((_, index) => (index * 7) % 256);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'provisio-multipart-'));
  writeFileSync(path.join(dir, 'App "quoted".ipa'), content);
  writeFileSync(path.join(dir, 'empty.mobileprovision'), new Uint8Array(0));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('multipartBody', () => {
  it('streams fields and files as a form any multipart parser reads, in exactly the announced length', async () => {
    const files = await sizeFiles([
      { field: 'ipa', path: path.join(dir, 'App "quoted".ipa') },
      { field: 'profile', path: path.join(dir, 'empty.mobileprovision') },
    ]);
    const body = multipartBody({ og: '12', limitedDevices: 'true' }, files);
    const bytes = await collect(body.stream());
    expect(bytes.length).toBe(body.length);

    const form = await new Response(bytes, { headers: { 'content-type': body.contentType } }).formData();
    expect(form.get('og')).toBe('12');
    expect(form.get('limitedDevices')).toBe('true');
    const ipa = form.get('ipa') as File;
    expect(ipa.name).toBe('App "quoted".ipa');
    expect(new Uint8Array(await ipa.arrayBuffer())).toEqual(content);
    expect((form.get('profile') as File).size).toBe(0);
  });

  it('reports the bytes handed out, growing to the whole length', async () => {
    const body = multipartBody({}, await sizeFiles([{ field: 'ipa', path: path.join(dir, 'App "quoted".ipa') }]));
    const seen: number[] = [];
    await collect(body.stream((sent) => seen.push(sent)));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(body.length);
  });

  it('refuses a missing file or a folder as a usage error, before anything is sent', async () => {
    const missing = sizeFiles([{ field: 'ipa', path: path.join(dir, 'nope.ipa') }]);
    await expect(missing).rejects.toThrow(/cannot read .*nope\.ipa: no such file/);
    await expect(missing).rejects.toMatchObject({ exitCode: CLIENT_EXIT.usage });
    await expect(sizeFiles([{ field: 'ipa', path: dir }])).rejects.toThrow(/is not a file/);
  });

  it('fails instead of sending a short body when the file shrinks while uploading', async () => {
    const file = path.join(dir, 'shrinking.ipa');
    writeFileSync(file, content);
    const body = multipartBody({}, await sizeFiles([{ field: 'ipa', path: file }]));
    truncateSync(file, 10);
    const failure = collect(body.stream());
    await expect(failure).rejects.toBeInstanceOf(CliError);
    await expect(failure).rejects.toThrow(/shrank while it was being uploaded/);
  });
});
