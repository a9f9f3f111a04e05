import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.js';

/** Every table whose rows belong to an OG, with the column naming it. */
const OWNERS = [
  ['org_groups', 'parent_id'],
  ['admins', 'home_og_id'],
  ['api_tokens', 'og_id'],
  ['apps', 'og_id'],
  ['profiles', 'og_id'],
  ['certificates', 'og_id'],
  ['devices', 'og_id'],
] as const;

/**
 * True when nothing belongs to the OG: no child OG, admin, token, app, profile, certificate or
 * device. Audit entries do not count; the log outlives what it describes.
 */
export async function ogIsEmpty(db: Kysely<StoreSchema>, ogId: number): Promise<boolean> {
  const holds = OWNERS.map(
    ([table, column]) => sql`exists (select 1 from ${sql.table(table)} where ${sql.ref(column)} = ${ogId})`,
  );
  const result = await sql<{ held: number }>`select case when ${sql.join(holds, sql` or `)} then 1 else 0 end as held`.execute(db);
  return result.rows[0]?.held === 0;
}
