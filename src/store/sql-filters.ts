import { sql } from 'kysely';
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { StoreSchema } from './schema.js';
import { inScope, pathRange } from './scope.js';
import type { Scope } from './scope.js';

/**
 * Case-insensitive "contains" that behaves the same on both databases (SQLite's LIKE ignores
 * ASCII case, PostgreSQL's does not) and treats `%` and `_` in the search text literally.
 * SQLite's lower() folds ASCII letters only, so non-ASCII text matches case-sensitively there.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`);
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escaped}%`} escape '\\'`;
}

/** True when the OG exists and lies in `scope`; guards writes that place an object in an OG. */
export async function ogInScope(db: Kysely<StoreSchema>, scope: Scope, ogId: number): Promise<boolean> {
  const { from, to } = pathRange(scope.path);
  const row = await db
    .selectFrom('org_groups')
    .select('id')
    .where('id', '=', ogId)
    .where('path', '>=', from)
    .where('path', '<', to)
    .executeTakeFirst();
  return row !== undefined;
}

/** The number of rows a delete or update reported, as a number. */
export function affectedRows(result: { numDeletedRows: bigint } | { numUpdatedRows: bigint }): number {
  return Number('numDeletedRows' in result ? result.numDeletedRows : result.numUpdatedRows);
}

/** True when every id names a row of `table` whose OG lies in scope. */
export async function allInScope(
  db: Kysely<StoreSchema>,
  scope: Scope,
  table: 'apps' | 'certificates' | 'profiles',
  ids: readonly number[],
): Promise<boolean> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) {
    return true;
  }
  const result = await sql<{ visible: number }>`select count(*) as visible from ${sql.table(table)}
    where id in (${sql.join(distinct)}) and ${inScope(scope, `${table}.og_id`)}`.execute(db);
  return Number(result.rows[0]?.visible) === distinct.length;
}
