import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import type { Database, OpenOptions } from '../../src/store/database.js';
import type { DialectName } from '../../src/store/database-url.js';

/** Set to an admin URL (e.g. `postgres://postgres@127.0.0.1:5432/postgres`) to test PostgreSQL too. */
export const POSTGRES_URL_VARIABLE = 'PROVISIO_TEST_DATABASE_URL';

/** A freshly created, migrated database and how to get rid of it. */
export interface TestDatabase {
  readonly database: Database;
  /** Closes the database and deletes it (the SQLite file, or the PostgreSQL database). */
  dispose(): Promise<void>;
}

/** What a suite body gets for one database. */
export interface StoreTestContext {
  readonly dialect: DialectName;
  /** This file's migrated database; only valid inside tests and hooks. */
  database(): Database;
}

function postgresAdminUrl(): string | undefined {
  const url = process.env[POSTGRES_URL_VARIABLE];
  return url === undefined || url === '' ? undefined : url;
}

async function createSqliteDatabase(options: OpenOptions): Promise<TestDatabase> {
  const folder = mkdtempSync(path.join(tmpdir(), 'provisio-store-'));
  const database = await openDatabase(`sqlite:${path.join(folder, 'provisio.db')}`, options);
  return {
    database,
    async dispose() {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function runAsAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(adminUrl: string, options: OpenOptions): Promise<TestDatabase> {
  const name = `provisio_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase(url.toString(), options);
  return {
    database,
    async dispose() {
      await database.close();
      await runAsAdmin(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/** The databases this run can test: SQLite always, PostgreSQL when its URL is set. */
export function availableDialects(): DialectName[] {
  return postgresAdminUrl() === undefined ? ['sqlite'] : ['sqlite', 'postgres'];
}

/**
 * Creates a new, empty, migrated database of the given kind. Throws for PostgreSQL when
 * PROVISIO_TEST_DATABASE_URL is not set; `forEachDatabase` skips instead.
 */
export async function createTestDatabase(dialect: DialectName, options: OpenOptions = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    return createSqliteDatabase(options);
  }
  const adminUrl = postgresAdminUrl();
  if (adminUrl === undefined) {
    throw new Error(`${POSTGRES_URL_VARIABLE} is not set`);
  }
  return createPostgresDatabase(adminUrl, options);
}

/**
 * Declares the suite once per database: a `describe('sqlite')` always, and a
 * `describe('postgres')` that is skipped unless PROVISIO_TEST_DATABASE_URL is set. Each gets a
 * fresh database for this test file, dropped afterwards; tests in the file share it, so they
 * isolate themselves (a new OG per test keeps scoped listings apart, random names keep unique
 * columns apart).
 *
 * @example
 * forEachDatabase((context) => {
 *   it('creates an OG', async () => {
 *     const { ogs } = context.database().repositories;
 *     const global = await ogs.rootScope();
 *     expect(await ogs.create(global, global.ogId, 'Acme')).toBeDefined();
 *   });
 * });
 */
export function forEachDatabase(suite: (context: StoreTestContext) => void, options: OpenOptions = {}): void {
  const postgresMissing = postgresAdminUrl() === undefined;
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe.skipIf(dialect === 'postgres' && postgresMissing)(dialect, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await createTestDatabase(dialect, options);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      suite({
        dialect,
        database() {
          if (current === undefined) {
            throw new Error('the test database is only available inside tests and hooks');
          }
          return current.database;
        },
      });
    });
  }
}
