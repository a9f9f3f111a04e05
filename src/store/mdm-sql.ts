import { PostgresAdapter, sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { MdmStoreSchema } from './mdm-schema.js';
import type { StoreSchema } from './schema.js';

/** True when `db` talks to PostgreSQL (the few MDM queries that differ per database ask this). */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * `<column> in (<ids>)` with the ids bound as ONE parameter (a JSON array on SQLite, an int8
 * array on PostgreSQL), so a set of any size never meets a bind-parameter limit.
 */
export function idIn<DB>(db: Kysely<DB>, column: string, ids: readonly number[]): RawBuilder<boolean> {
  return isPostgres(db)
    ? sql<boolean>`${sql.ref(column)} = any(${[...ids]}::bigint[])`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/** Bytes as both drivers bind them (better-sqlite3 wants a Buffer). */
export function toBytes(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The same connection or transaction, typed with the MDM tables too. Kysely's `withTables` wants
 * index-signature types, which our table interfaces are not; the tables exist once migration
 * 0005 ran, which `openDatabase` guarantees.
 */
export function withMdmTables(db: Kysely<StoreSchema>): Kysely<MdmStoreSchema> {
  return db as unknown as Kysely<MdmStoreSchema>;
}
