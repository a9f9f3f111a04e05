import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database-url.js';
import { createIndex, ID_REF, MILLIS, schemaKit } from './schema-kit.js';
import type { SchemaKit } from './schema-kit.js';

async function createDevices(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('devices'))
    .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id'))
    .addColumn('udid', 'text', (column) => column.notNull())
    .addColumn('serial_number', 'text')
    .addColumn('name', 'text')
    .addColumn('model', 'text')
    .addColumn('os_version', 'text')
    .addColumn('user_name', 'text')
    .addColumn('user_email', 'text')
    .addColumn('enrolled_at', MILLIS, (column) => column.notNull())
    .addColumn('last_seen_at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'devices', ['udid'], { unique: true });
  await createIndex(db, 'devices', ['og_id', 'id']);
  await createIndex(db, 'devices', ['serial_number']);
  await createIndex(db, 'devices', ['last_seen_at', 'id']);
}

async function createInstallations(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('installations'))
    .addColumn('device_id', ID_REF, (column) => column.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('bundle_id', 'text', (column) => column.notNull())
    .addColumn('app_version_id', ID_REF, (column) => column.references('app_versions.id').onDelete('set null'))
    .addColumn('short_version', 'text')
    .addColumn('bundle_version', 'text')
    .addColumn('reported_at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'installations', ['device_id', 'bundle_id'], { unique: true });
  // "Which devices run this app": the renewal fan-out starts here.
  await createIndex(db, 'installations', ['bundle_id', 'device_id']);
  await createIndex(db, 'installations', ['app_version_id']);
}

async function createDeviceProfiles(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('device_profiles'))
    .addColumn('device_id', ID_REF, (column) => column.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('profile_uuid', 'text', (column) => column.notNull())
    .addColumn('name', 'text')
    .addColumn('expires_at', MILLIS)
    .addColumn('reported_at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'device_profiles', ['device_id', 'profile_uuid'], { unique: true });
  // "Which devices hold this profile": verifies a rollout.
  await createIndex(db, 'device_profiles', ['profile_uuid', 'device_id']);
}

/** Enrolled devices with what they report: installed apps and installed profiles. */
export function devicesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const kit = schemaKit(dialect);
      await createDevices(db, kit);
      await createInstallations(db, kit);
      await createDeviceProfiles(db, kit);
    },
  };
}
