import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { createIndex } from './schema-kit.js';

/**
 * Each audit entry also remembers the materialized path of its OG when it was written, so the
 * entries of an OG deleted later stay visible to the admins above where it was.
 */
export function auditOgPathMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_log').addColumn('og_path', 'text').execute();
      await sql`update audit_log set og_path = (select path from org_groups where org_groups.id = audit_log.og_id)`.execute(db);
      await createIndex(db, 'audit_log', ['og_path', 'at', 'id']);
    },
  };
}
