import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database-url.js';
import { createIndex, FLAG, ID_REF, MILLIS, oneOf, schemaKit } from './schema-kit.js';

const ROLES = ['system', 'app-admin', 'read-only'];

async function createOrgGroups(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const kit = schemaKit(dialect);
  await kit
    .withId(db.schema.createTable('org_groups'))
    .addColumn('parent_id', ID_REF, (column) => column.references('org_groups.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('path', kit.bytewiseText, (column) => column.notNull())
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .execute();
  // Not unique: paths are unique by construction (they end in the row's own id), and a new row
  // briefly has an empty path until its id is known (see og.repository.ts).
  await createIndex(db, 'org_groups', ['path']);
  await createIndex(db, 'org_groups', ['parent_id', 'name'], { unique: true });
  // Global is the one root; its path needs its own id, known only after the insert.
  await sql`insert into org_groups (name, path, created_at) values ('Global', '/', ${Date.now()})`.execute(db);
  await sql`update org_groups set path = '/' || id || '/' where parent_id is null`.execute(db);
}

async function createAdmins(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await schemaKit(dialect)
    .withId(db.schema.createTable('admins'))
    .addColumn('username', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('home_og_id', ID_REF, (column) => column.notNull().references('org_groups.id'))
    .addColumn('disabled', FLAG, (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .addCheckConstraint('admins_role_check', oneOf('role', ROLES))
    .execute();
  await createIndex(db, 'admins', ['username'], { unique: true });
  await createIndex(db, 'admins', ['home_og_id']);
}

async function createConsoleSessions(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await schemaKit(dialect)
    .withId(db.schema.createTable('console_sessions'))
    .addColumn('id_hash', 'text', (column) => column.notNull())
    .addColumn('admin_id', ID_REF, (column) => column.notNull().references('admins.id').onDelete('cascade'))
    .addColumn('csrf_token_hash', 'text', (column) => column.notNull())
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .addColumn('expires_at', MILLIS, (column) => column.notNull())
    .execute();
  await createIndex(db, 'console_sessions', ['id_hash'], { unique: true });
  await createIndex(db, 'console_sessions', ['admin_id']);
  await createIndex(db, 'console_sessions', ['expires_at']);
}

async function createApiTokens(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await schemaKit(dialect)
    .withId(db.schema.createTable('api_tokens'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull())
    .addColumn('og_id', ID_REF, (column) => column.notNull().references('org_groups.id'))
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('created_by', ID_REF, (column) => column.references('admins.id').onDelete('set null'))
    .addColumn('created_at', MILLIS, (column) => column.notNull())
    .addColumn('last_used_at', MILLIS)
    .addColumn('revoked_at', MILLIS)
    .addCheckConstraint('api_tokens_role_check', oneOf('role', ROLES))
    .execute();
  await createIndex(db, 'api_tokens', ['token_hash'], { unique: true });
  await createIndex(db, 'api_tokens', ['og_id', 'created_at']);
  await createIndex(db, 'api_tokens', ['created_by']);
}

/** Organization groups (with Global), admins, console sessions and API tokens. */
export function organizationMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createOrgGroups(db, dialect);
      await createAdmins(db, dialect);
      await createConsoleSessions(db, dialect);
      await createApiTokens(db, dialect);
    },
  };
}
