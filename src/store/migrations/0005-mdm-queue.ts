import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database-url.js';
import { createIndex, FLAG, ID_REF, MILLIS, oneOf, schemaKit } from './schema-kit.js';
import type { SchemaKit } from './schema-kit.js';

const QUEUE_STATUSES = ['pending', 'sent', 'not_now', 'acknowledged', 'error', 'format_error'];

async function createEnrollments(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mdm_enrollments')
    .addColumn('device_id', ID_REF, (column) => column.primaryKey().references('devices.id').onDelete('cascade'))
    .addColumn('identity_sha256', 'text', (column) => column.notNull())
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('push_token', 'text')
    .addColumn('push_magic', 'text')
    .addColumn('token_invalid', FLAG, (column) => column.notNull().defaultTo(0))
    .addColumn('enabled', FLAG, (column) => column.notNull())
    .addColumn('enrolled_at', MILLIS, (column) => column.notNull())
    .addColumn('updated_at', MILLIS, (column) => column.notNull())
    .addColumn('last_push_at', MILLIS)
    .execute();
  await createIndex(db, 'mdm_enrollments', ['identity_sha256'], { unique: true });
}

async function createCommands(db: Kysely<unknown>, kit: SchemaKit, binary: 'blob' | 'bytea'): Promise<void> {
  await kit
    .withId(db.schema.createTable('mdm_commands'))
    .addColumn('command_uuid', 'text', (column) => column.notNull())
    .addColumn('request_type', 'text', (column) => column.notNull())
    .addColumn('body', binary, (column) => column.notNull())
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'mdm_commands', ['command_uuid'], { unique: true });
}

/**
 * The queue is the one table that takes a million rows in one statement, so it stays narrow: no
 * surrogate id, no foreign keys (their per-row checks would double a fan-out's time; rows of a
 * device that checks out are deleted with it), and the primary key as its only index. That key,
 * (device_id, command_id), is also the delivery order: a device's next command is the first
 * open row of its key range. On SQLite the table is clustered on it (WITHOUT ROWID).
 */
async function createQueue(db: Kysely<unknown>, dialect: DialectName, binary: 'blob' | 'bytea'): Promise<void> {
  let table = db.schema
    .createTable('mdm_queue')
    .addColumn('device_id', ID_REF, (column) => column.notNull())
    .addColumn('command_id', ID_REF, (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().check(oneOf('status', QUEUE_STATUSES)))
    .addColumn('updated_at', MILLIS, (column) => column.notNull())
    .addColumn('result', binary)
    .addPrimaryKeyConstraint('mdm_queue_pkey', ['device_id', 'command_id']);
  if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`);
  await table.execute();
}

async function createJobLeases(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mdm_job_leases')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('holder', 'text', (column) => column.notNull())
    .addColumn('expires_at', MILLIS, (column) => column.notNull())
    .execute();
}

/** MDM enrollments (identity and push token per device), commands, the per-device queue, job leases. */
export function mdmQueueMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const binary = dialect === 'postgres' ? 'bytea' : 'blob';
      await createEnrollments(db);
      await createCommands(db, schemaKit(dialect), binary);
      await createQueue(db, dialect, binary);
      await createJobLeases(db);
    },
  };
}
