import { Kysely } from 'kysely';
import type { Dialect } from 'kysely';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { parseDatabaseUrl } from './database-url.js';
import type { DatabaseTarget, DialectName } from './database-url.js';
import { migrateToLatest, migrationStatus } from './migrator.js';
import type { MigrationStatus } from './migrator.js';
import { createPostgresDialect } from './postgres-dialect.js';
import { createRepositories } from './repositories.js';
import type { Repositories } from './repositories.js';
import type { StoreSchema } from './schema.js';
import { createSqliteDialect } from './sqlite-dialect.js';

/** An open Provisio database: SQLite or PostgreSQL behind one query builder. */
export interface Database {
  readonly dialect: DialectName;
  /** The query builder, for queries no repository offers (reports, the MDM queue). */
  readonly kysely: Kysely<StoreSchema>;
  /** Repositories that each write on their own (every call is its own transaction). */
  readonly repositories: Repositories;
  /**
   * Runs `work` in one transaction: when it resolves everything commits, when it throws nothing
   * it wrote remains. Repositories handed to `work` must not be kept after it returns. A write
   * that fails inside (e.g. `store.duplicate`) ends the transaction on PostgreSQL: let the error
   * propagate rather than carrying on.
   */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  migrateToLatest(): Promise<void>;
  migrationStatus(): Promise<MigrationStatus>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations while opening (the default). */
  readonly migrate?: boolean;
  /** Source of creation timestamps; the system clock by default. */
  readonly clock?: Clock;
}

function dialectFor(target: DatabaseTarget): Dialect {
  return target.dialect === 'postgres' ? createPostgresDialect(target.url) : createSqliteDialect(target.file);
}

/**
 * Opens the database named by `url` (see `parseDatabaseUrl`: `sqlite:<file>` or `postgres://…`)
 * and, unless told otherwise, brings its schema up to date.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url);
  const kysely = new Kysely<StoreSchema>({ dialect: dialectFor(target) });
  const clock = options.clock ?? systemClock;
  const database: Database = {
    dialect: target.dialect,
    kysely,
    repositories: createRepositories(kysely, clock),
    transaction: (work) => kysely.transaction().execute((trx) => work(createRepositories(trx, clock))),
    migrateToLatest: () => migrateToLatest(kysely, target.dialect),
    migrationStatus: () => migrationStatus(kysely, target.dialect),
    close: () => kysely.destroy(),
  };
  if (options.migrate ?? true) {
    await database.migrateToLatest().catch(async (error: unknown) => {
      await kysely.destroy();
      throw error;
    });
  }
  return database;
}
