import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent } from '../http/fixtures.js';
import { adminAgent, createOg } from '../http/fixtures.js';
import { NOTHING_STORED, catalogRows } from './fixtures.js';
import { forEachCatalogApp, leftoverFiles } from './harness.js';
import { multipartForm } from './multipart.js';

const IPA_LIMIT = 256 * 1024;

/** Streams `body` to `url` in small chunks, as a slow client would; resolves with the status and body. */
function streamUpload(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may answer and close before the client is done sending: that is the point.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    let offset = 0;
    const writeMore = (): void => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + 16 * 1024);
        offset += chunk.length;
        if (!outgoing.write(chunk)) {
          outgoing.once('drain', writeMore);
          return;
        }
      }
      outgoing.end();
    };
    writeMore();
  });
}

forEachCatalogApp(
  (context) => {
    let base = '';
    let og = 0;
    let agent: Agent;

    beforeAll(async () => {
      base = await context.app().listen({ host: '127.0.0.1', port: 0 });
      og = (await createOg(context.database())).id;
      agent = (await adminAgent(context.app(), context.database(), og, 'app-admin')).agent;
    });
    afterAll(() => context.app().close());

    it('answers a client streaming an oversized .ipa over a real socket with 413, leaving nothing on disk', async () => {
      const form = multipartForm({ og: String(og) }, [{ name: 'ipa', fileName: 'Big.ipa', content: randomBytes(4 * IPA_LIMIT) }]);
      const headers = { ...agent.headers, 'x-csrf-token': agent.csrfToken ?? '', 'content-type': form.contentType };
      const response = await streamUpload(`${base}/api/v1/apps`, headers, form.payload);
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'payload_too_large' } });
      expect(leftoverFiles(context.dataDir(), 'uploads')).toEqual([]);
      expect(await catalogRows(context.database(), og)).toEqual(NOTHING_STORED);
    });
  },
  { maxIpaSize: String(IPA_LIMIT) },
);
