import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadServerConfig } from '../../src/config/load-server-config.js';
import type { ServerConfig } from '../../src/config/server-config.js';
import { buildApp } from '../../src/http/app.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import type { Clock } from '../../src/services/auth/clock.js';
import type { DialectName } from '../../src/store/database-url.js';
import type { Database } from '../../src/store/database.js';
import { forEachDatabase } from '../store/harness.js';

/** A clock that follows real time and can be moved forward. */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function testClock(): TestClock {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
}

/** What an HTTP suite gets for one database. */
export interface HttpTestContext {
  readonly dialect: DialectName;
  readonly clock: TestClock;
  app(): FastifyInstance;
  database(): Database;
  /** Every log line the app wrote so far. */
  logs(): string;
}

/** Settings for tests: a throwaway data folder, everything else default. */
export function testConfig(dataDir: string, flags: Parameters<typeof loadServerConfig>[0] = {}): ServerConfig {
  return loadServerConfig({ dataDir, logLevel: 'info', ...flags }, {});
}

/**
 * Declares the suite once per database (SQLite, and PostgreSQL when PROVISIO_TEST_DATABASE_URL
 * is set), each with a fresh migrated database and one app over it for the whole file. Tests
 * keep apart by creating their own OGs and admins.
 */
export function forEachApp(suite: (context: HttpTestContext) => void): void {
  forEachDatabase((store) => {
    const clock = testClock();
    const lines: string[] = [];
    let app: FastifyInstance | undefined;
    let dataDir = '';
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-http-'));
      const deps = { database: store.database(), blobs: new FileBlobStore(dataDir), clock };
      app = await buildApp({ ...deps, config: testConfig(dataDir), logDestination: { write: (line) => void lines.push(line) } });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    suite({
      dialect: store.dialect,
      clock,
      database: () => store.database(),
      logs: () => lines.join(''),
      app() {
        if (app === undefined) throw new Error('the app is only available inside tests and hooks');
        return app;
      },
    });
  });
}
