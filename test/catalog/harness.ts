import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import { testPki } from '../../src/testkit/pki/index.js';
import type { DialectName } from '../../src/store/database-url.js';
import type { Database } from '../../src/store/database.js';
import { testClock, testConfig, type TestClock } from '../http/harness.js';
import { forEachDatabase } from '../store/harness.js';

/** What a catalog suite gets for one database. */
export interface CatalogTestContext {
  readonly dialect: DialectName;
  readonly clock: TestClock;
  app(): FastifyInstance;
  database(): Database;
  /** The server's data folder (blobs, uploads in progress, trust store). */
  dataDir(): string;
}

/** Server flags a suite may set, as `provisio serve` takes them. */
export interface CatalogServerFlags {
  readonly maxIpaSize?: string;
  readonly maxProfileSize?: string;
  readonly allowUntrustedProfiles?: boolean;
}

/**
 * Declares the suite once per database, each with a fresh database and one server over it whose
 * extra trust anchor (`--trust-anchors`) is the test PKI's root, as a test lab would configure it.
 */
export function forEachCatalogApp(suite: (context: CatalogTestContext) => void, flags: CatalogServerFlags = {}): void {
  forEachDatabase((store) => {
    const clock = testClock();
    let app: FastifyInstance | undefined;
    let dataDir = '';
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-catalog-'));
      const anchors = path.join(dataDir, 'test-root.pem');
      writeFileSync(anchors, testPki().root.pem);
      const config = testConfig(dataDir, { ...flags, trustAnchors: anchors, logLevel: 'silent' });
      app = await buildApp({ config, database: store.database(), blobs: new FileBlobStore(dataDir), clock });
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
      dataDir: () => dataDir,
      app() {
        if (app === undefined) throw new Error('the app is only available inside tests and hooks');
        return app;
      },
    });
  });
}

/** Files left in a folder of the data dir (uploads in progress, blob temp files); none when absent. */
export function leftoverFiles(dataDir: string, folder: string): string[] {
  try {
    return readdirSync(path.join(dataDir, folder), { recursive: true }).map(String);
  } catch {
    return [];
  }
}
