import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database-url.js';
import { createIndex, ID_REF, MILLIS, oneOf, schemaKit } from './schema-kit.js';

/**
 * Device-user notices become one row per app, expiry and stage (what every device running that
 * app version should be told) plus one row per device once it was told or emailed. The scan then
 * writes a few rows however many devices run the app, instead of a row per device: a million
 * rows with two foreign keys each took PostgreSQL longer than the whole scan may take. Which
 * devices a stage concerns is read from the installations when a device asks or an email goes
 * out, so a device that installs the app later still hears of it, and a renewed app (whose
 * versions then expire later) stops being announced as expiring.
 * The per-device outbox of 0006 had no reader yet, so it is dropped rather than converted.
 */
export function deviceNoticeStagesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const kit = schemaKit(dialect);
      await db.schema.dropTable('device_notices').execute();
      await kit
        .withId(db.schema.createTable('device_notice_stages'))
        .addColumn('app_id', ID_REF, (column) => column.notNull().references('apps.id').onDelete('cascade'))
        .addColumn('expires_at', MILLIS, (column) => column.notNull())
        .addColumn('threshold', 'integer', (column) => column.notNull())
        .addColumn('message', 'text', (column) => column.notNull())
        .addColumn('created_at', MILLIS, (column) => column.notNull())
        .execute();
      // Once per app, expiry and stage: a scan run twice (or by two servers) adds nothing.
      await createIndex(db, 'device_notice_stages', ['app_id', 'expires_at', 'threshold'], { unique: true });
      await db.schema
        .createTable('device_notice_deliveries')
        .addColumn('device_id', ID_REF, (column) => column.notNull().references('devices.id').onDelete('cascade'))
        .addColumn('stage_id', ID_REF, (column) => column.notNull().references('device_notice_stages.id').onDelete('cascade'))
        .addColumn('delivered_at', MILLIS)
        .addColumn('email_status', 'text', (column) => column.check(oneOf('email_status', ['sent', 'failed'])))
        .addPrimaryKeyConstraint('device_notice_deliveries_pkey', ['device_id', 'stage_id'])
        .execute();
      await createIndex(db, 'device_notice_deliveries', ['stage_id']);
    },
  };
}
