import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database-url.js';
import { createIndex, ID_REF, MILLIS, oneOf, schemaKit } from './schema-kit.js';

/**
 * The append-only audit log. `og_id` and `actor_id` deliberately carry no foreign keys: the log
 * must outlive what it describes, and a reference would stop an emptied OG from being deleted.
 */
export function auditLogMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const kit = schemaKit(dialect);
      await kit
        .withId(db.schema.createTable('audit_log'))
        .addColumn('actor_kind', 'text', (column) => column.notNull())
        .addColumn('actor_id', ID_REF)
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('object_type', 'text')
        .addColumn('object_id', ID_REF)
        .addColumn('og_id', ID_REF, (column) => column.notNull())
        .addColumn('remote_address', 'text')
        .addColumn('details', kit.json)
        .addColumn('at', MILLIS, (column) => column.notNull())
        .addCheckConstraint('audit_log_actor_check', oneOf('actor_kind', ['admin', 'token', 'system']))
        .addCheckConstraint('audit_log_actor_id_check', sql`(actor_kind = 'system') = (actor_id is null)`)
        .execute();
      await createIndex(db, 'audit_log', ['og_id', 'at', 'id']);
      await createIndex(db, 'audit_log', ['at', 'id']);
      await createIndex(db, 'audit_log', ['object_type', 'object_id']);
    },
  };
}
