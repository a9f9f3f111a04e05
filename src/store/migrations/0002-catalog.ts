import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database-url.js';
import { createIndex, FLAG, ID_REF, MILLIS, oneOf, schemaKit } from './schema-kit.js';
import type { SchemaKit } from './schema-kit.js';

async function createCertificates(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  // One row per OG and fingerprint: every object belongs to exactly one OG, and two customers
  // holding the same certificate must not see each other's profiles through it.
  await kit
    .withId(db.schema.createTable('certificates'))
    .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id'))
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('sha1', 'text', (column) => column.notNull())
    .addColumn('common_name', 'text', (column) => column.notNull())
    .addColumn('team_id', 'text')
    .addColumn('serial_number', 'text', (column) => column.notNull())
    .addColumn('not_before', MILLIS, (column) => column.notNull())
    .addColumn('not_after', MILLIS, (column) => column.notNull())
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'certificates', ['og_id', 'sha256'], { unique: true });
  await createIndex(db, 'certificates', ['sha256']);
  await createIndex(db, 'certificates', ['not_after', 'id']);
}

async function createProfiles(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('profiles'))
    .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id'))
    .addColumn('uuid', 'text', (column) => column.notNull())
    .addColumn('blob_sha256', 'text', (column) => column.notNull())
    .addColumn('blob_size', 'bigint', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('app_id_name', 'text', (column) => column.notNull())
    .addColumn('application_identifier', 'text', (column) => column.notNull())
    .addColumn('bundle_id', 'text', (column) => column.notNull())
    .addColumn('wildcard', FLAG, (column) => column.notNull())
    .addColumn('team_id', 'text', (column) => column.notNull())
    .addColumn('team_name', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('platforms', kit.json, (column) => column.notNull())
    .addColumn('creation_date', MILLIS, (column) => column.notNull())
    .addColumn('expiration_date', MILLIS, (column) => column.notNull())
    .addColumn('device_count', 'integer', (column) => column.notNull())
    .addColumn('provisioned_devices', kit.json, (column) => column.notNull())
    .addColumn('entitlements', kit.json, (column) => column.notNull())
    .addColumn('signature_status', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('superseded_by', ID_REF, (column) => column.references('profiles.id').onDelete('set null'))
    .addColumn('lineage_version', 'integer', (column) => column.notNull())
    .addColumn('uploaded_at', MILLIS, (column) => column.notNull())
    .addColumn('uploaded_by', ID_REF, (column) => column.references('admins.id').onDelete('set null'))
    .addCheckConstraint('profiles_status_check', oneOf('status', ['active', 'superseded', 'expired']))
    .execute();
  await createIndex(db, 'profiles', ['og_id', 'uuid'], { unique: true });
  // Also serialises concurrent uploads into one lineage: the second gets store.duplicate.
  await createIndex(db, 'profiles', ['og_id', 'application_identifier', 'name', 'lineage_version'], {
    unique: true,
  });
  await createIndex(db, 'profiles', ['uuid']);
  await createIndex(db, 'profiles', ['bundle_id']);
  await createIndex(db, 'profiles', ['expiration_date', 'id']);
  await createIndex(db, 'profiles', ['blob_sha256']);
  await createIndex(db, 'profiles', ['superseded_by']);
}

async function createProfileCertificates(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('profile_certificates')
    .addColumn('profile_id', ID_REF, (column) => column.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('certificate_id', ID_REF, (column) => column.notNull().references('certificates.id'))
    .addPrimaryKeyConstraint('profile_certificates_pkey', ['profile_id', 'certificate_id'])
    .execute();
  await createIndex(db, 'profile_certificates', ['certificate_id']);
}

async function createApps(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('apps'))
    .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id'))
    .addColumn('bundle_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .addColumn('effective_expiry', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'apps', ['og_id', 'bundle_id'], { unique: true });
  await createIndex(db, 'apps', ['bundle_id']);
  await createIndex(db, 'apps', ['effective_expiry', 'id']);
  await createIndex(db, 'apps', ['name', 'id']);
}

async function createAppVersions(db: Kysely<unknown>, kit: SchemaKit): Promise<void> {
  await kit
    .withId(db.schema.createTable('app_versions'))
    .addColumn('app_id', ID_REF, (column) => column.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('short_version', 'text', (column) => column.notNull())
    .addColumn('build', 'text', (column) => column.notNull())
    .addColumn('ipa_sha256', 'text', (column) => column.notNull())
    .addColumn('ipa_size', 'bigint', (column) => column.notNull())
    .addColumn('uploaded_at', MILLIS, (column) => column.notNull())
    .addColumn('uploaded_by', ID_REF, (column) => column.references('admins.id').onDelete('set null'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('effective_expiry', MILLIS, (column) => column.notNull())
    .addCheckConstraint('app_versions_status_check', oneOf('status', ['active', 'retired']))
    .execute();
  await createIndex(db, 'app_versions', ['app_id', 'id']);
  await createIndex(db, 'app_versions', ['ipa_sha256']);
  await createIndex(db, 'app_versions', ['effective_expiry']);
}

async function createAppVersionProfiles(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_version_profiles')
    .addColumn('app_version_id', ID_REF, (column) =>
      column.notNull().references('app_versions.id').onDelete('cascade'),
    )
    .addColumn('bundle_id', 'text', (column) => column.notNull())
    .addColumn('profile_id', ID_REF, (column) => column.notNull().references('profiles.id'))
    .addColumn('signing_certificate_id', ID_REF, (column) => column.references('certificates.id'))
    .addPrimaryKeyConstraint('app_version_profiles_pkey', ['app_version_id', 'bundle_id'])
    .execute();
  await createIndex(db, 'app_version_profiles', ['profile_id']);
  await createIndex(db, 'app_version_profiles', ['signing_certificate_id']);
}

/** Certificates, provisioning profiles, apps and their versions. */
export function catalogMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const kit = schemaKit(dialect);
      await createCertificates(db, kit);
      await createProfiles(db, kit);
      await createProfileCertificates(db);
      await createApps(db, kit);
      await createAppVersions(db, kit);
      await createAppVersionProfiles(db);
    },
  };
}
