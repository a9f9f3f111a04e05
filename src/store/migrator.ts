import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from './database-url.js';
import { StoreError } from './errors.js';
import { migrationProvider } from './migrations/index.js';
import type { StoreSchema } from './schema.js';

/** Which migrations the database has applied, and which it still lacks. */
export interface MigrationStatus {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
}

function migratorFor(db: Kysely<StoreSchema>, dialect: DialectName): Migrator {
  return new Migrator({ db, provider: migrationProvider(dialect) });
}

/**
 * Applies every pending migration, in order. Safe to call from several processes at once: Kysely
 * takes a lock, and the losers find nothing left to do.
 */
export async function migrateToLatest(db: Kysely<StoreSchema>, dialect: DialectName): Promise<void> {
  const { error, results } = await migratorFor(db, dialect).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreError('store.migration_failed', `migration ${failed} failed`, { cause: error });
  }
}

/** Reads the migration state, e.g. for a readiness check: ready when nothing is pending. */
export async function migrationStatus(db: Kysely<StoreSchema>, dialect: DialectName): Promise<MigrationStatus> {
  const migrations = await migratorFor(db, dialect).getMigrations();
  return {
    applied: migrations.filter((migration) => migration.executedAt !== undefined).map((m) => m.name),
    pending: migrations.filter((migration) => migration.executedAt === undefined).map((m) => m.name),
  };
}
