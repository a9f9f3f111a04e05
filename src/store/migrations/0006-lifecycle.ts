import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database-url.js';
import { createIndex, ID_REF, MILLIS, oneOf, schemaKit } from './schema-kit.js';
import type { SchemaKit } from './schema-kit.js';

async function createNotices(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('expiry_notices'))
    .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (column) => column.notNull().check(oneOf('subject_type', ['profile', 'certificate'])))
    .addColumn('subject_id', ID_REF, (column) => column.notNull())
    .addColumn('subject_name', 'text', (column) => column.notNull())
    .addColumn('threshold', 'integer', (column) => column.notNull())
    .addColumn('expires_at', MILLIS, (column) => column.notNull())
    .addColumn('impact', kit.json, (column) => column.notNull())
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .execute();
  // The guarantee that a scan run twice (or by two servers) never repeats a notice.
  await createIndex(db, 'expiry_notices', ['subject_type', 'subject_id', 'threshold'], { unique: true });
  await createIndex(db, 'expiry_notices', ['og_id', 'created_at']);
  await db.schema
    .createTable('notice_dismissals')
    .addColumn('notice_id', ID_REF, (column) => column.notNull().references('expiry_notices.id').onDelete('cascade'))
    .addColumn('actor_kind', 'text', (column) => column.notNull())
    .addColumn('actor_id', ID_REF, (column) => column.notNull())
    .addColumn('dismissed_at', MILLIS, (column) => column.notNull())
    .addPrimaryKeyConstraint('notice_dismissals_pkey', ['notice_id', 'actor_kind', 'actor_id'])
    .execute();
}

async function createDeviceNotices(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('device_notices'))
    .addColumn('device_id', ID_REF, (column) => column.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('app_id', ID_REF, (column) => column.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('threshold', 'integer', (column) => column.notNull())
    .addColumn('expires_at', MILLIS, (column) => column.notNull())
    .addColumn('message', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('email_status', 'text', (column) => column.notNull().check(oneOf('email_status', ['none', 'pending', 'sent', 'failed'])))
    .addColumn('delivered_at', MILLIS)
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .execute();
  // Once per device, app and threshold; a renewed app has a new expiry and starts afresh.
  await createIndex(db, 'device_notices', ['device_id', 'app_id', 'threshold', 'expires_at'], { unique: true });
  await createIndex(db, 'device_notices', ['email_status', 'id']);
  await db.schema
    .createTable('expired_app_versions')
    .addColumn('app_version_id', ID_REF, (column) => column.primaryKey().references('app_versions.id').onDelete('cascade'))
    .addColumn('expired_at', MILLIS, (column) => column.notNull())
    .execute();
}

async function createAlerts(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('alert_channels'))
    .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id').onDelete('cascade'))
    .addColumn('kind', 'text', (column) => column.notNull().check(oneOf('kind', ['email', 'webhook'])))
    .addColumn('target', 'text', (column) => column.notNull())
    .addColumn('secret', 'text')
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'alert_channels', ['og_id']);
  await kit
    .withId(db.schema.createTable('alert_deliveries'))
    .addColumn('channel_id', ID_REF, (column) => column.notNull().references('alert_channels.id').onDelete('cascade'))
    .addColumn('notice_id', ID_REF, (column) => column.references('expiry_notices.id').onDelete('set null'))
    .addColumn('attempt', 'integer', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull().check(oneOf('outcome', ['delivered', 'failed'])))
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'alert_deliveries', ['channel_id', 'at']);
  await kit
    .withId(db.schema.createTable('calendar_feeds'))
    .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (column) => column.notNull())
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'calendar_feeds', ['token_hash'], { unique: true });
}

/** Expiry notices (console and device), expired versions, alert channels, deliveries, calendar feeds. */
export function lifecycleMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const kit = schemaKit(dialect);
      await createNotices(db, kit);
      await createDeviceNotices(db, kit);
      await createAlerts(db, kit);
    },
  };
}
