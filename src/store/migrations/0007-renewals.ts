import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database-url.js';
import { createIndex, FLAG, ID_REF, MILLIS, schemaKit } from './schema-kit.js';

/**
 * Applied renewals. The old and new profiles are kept by id and also described by value (UUID,
 * name, expiry), so the history stays readable after a cleanup deletes the superseded profile.
 * Per-device progress is not stored here: it is the queue row of `install_command_id` for each
 * device and the profiles the device last reported, so applying a renewal writes one queue row
 * per device and nothing more.
 */
export function renewalsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const kit = schemaKit(dialect);
      await kit
        .withId(db.schema.createTable('renewals'))
        .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id').onDelete('cascade'))
        .addColumn('old_profile_id', ID_REF, (column) => column.references('profiles.id').onDelete('set null'))
        .addColumn('old_uuid', 'text', (column) => column.notNull())
        .addColumn('old_name', 'text', (column) => column.notNull())
        .addColumn('old_expiration_date', MILLIS, (column) => column.notNull())
        .addColumn('new_profile_id', ID_REF, (column) => column.references('profiles.id').onDelete('set null'))
        .addColumn('new_uuid', 'text', (column) => column.notNull())
        .addColumn('new_name', 'text', (column) => column.notNull())
        .addColumn('new_expiration_date', MILLIS, (column) => column.notNull())
        .addColumn('apply_to_all_apps', FLAG, (column) => column.notNull())
        .addColumn('apps', kit.json, (column) => column.notNull())
        .addColumn('bundle_ids', kit.json, (column) => column.notNull())
        .addColumn('install_command_id', ID_REF, (column) => column.notNull())
        .addColumn('remove_command_id', ID_REF, (column) => column.notNull())
        .addColumn('device_count', 'integer', (column) => column.notNull())
        .addColumn('created_by', ID_REF, (column) => column.references('admins.id').onDelete('set null'))
        .addColumn('created_at', MILLIS, (column) => column.notNull())
        // Set once every device proved the new profile and dropped the old one; the counts then.
        .addColumn('completed_at', MILLIS)
        .addColumn('final_rollout', kit.json)
        .execute();
      // Replaying the same renewal finds the first one instead of applying it twice.
      await createIndex(db, 'renewals', ['old_profile_id', 'new_uuid'], { unique: true });
      await createIndex(db, 'renewals', ['new_uuid']);
      await createIndex(db, 'renewals', ['og_id', 'created_at']);
    },
  };
}
