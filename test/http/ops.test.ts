import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { errorCode } from './fixtures.js';
import { forEachApp, testClock, testConfig } from './harness.js';

forEachApp((context) => {
  const get = (url: string) => context.app().inject({ method: 'GET', url });

  describe('operations endpoints', () => {
    it('answer /healthz while the process runs', async () => {
      const response = await get('/healthz');
      expect([response.statusCode, response.json()]).toEqual([200, { status: 'ok' }]);
    });

    it('answer /readyz when the database is reachable and migrated', async () => {
      const response = await get('/readyz');
      expect([response.statusCode, response.json()]).toEqual([200, { status: 'ready' }]);
    });

    it('expose request counts, durations and memory at /metrics', async () => {
      await get('/healthz');
      await get('/no/such/page');
      const response = await get('/metrics');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = response.body;
      expect(text).toMatch(/^provisio_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]\d*$/m);
      expect(text).toMatch(/^provisio_http_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]\d*$/m);
      const healthz = 'method="GET",route="/healthz",status="200"';
      expect(text).toContain(`\nprovisio_http_request_duration_seconds_bucket{${healthz},le="+Inf"} `);
      expect(text).toContain(`\nprovisio_http_request_duration_seconds_count{${healthz}} `);
      expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d*$/m);
      expect(text).toMatch(/^nodejs_heap_used_bytes [1-9]\d*$/m);
      expect(text).not.toContain('/no/such/page');
    });
  });
});

type Problems = { error: { details: { problems: string[] } } };

/** Runs `test` against an app over its own SQLite database, opened with or without migrations. */
async function withOwnDatabase(migrate: boolean, test: (app: FastifyInstance, database: Database) => Promise<void>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-readyz-'));
  const database = await openDatabase(`sqlite:${path.join(dataDir, 'provisio.db')}`, { migrate });
  const config = testConfig(dataDir, { logLevel: 'silent' });
  const app = await buildApp({ config, database, blobs: new FileBlobStore(dataDir), clock: testClock() });
  try {
    await test(app, database);
  } finally {
    await app.close();
    await database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('/readyz when the database is not usable', () => {
  it('answers 503 unavailable naming pending migrations, and 200 once they ran', async () => {
    await withOwnDatabase(false, async (app, database) => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(errorCode(response)).toBe('unavailable');
      expect(response.json<Problems>().error.details.problems[0]).toMatch(/^migrations not applied: 0001/);
      await database.migrateToLatest();
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    });
  });

  it('answers 503 when the database is closed', async () => {
    await withOwnDatabase(true, async (app, database) => {
      await database.close();
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json<Problems>().error.details.problems[0]).toMatch(/^database unreachable/);
    });
  });
});
