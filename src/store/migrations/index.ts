import type { Migration, MigrationProvider } from 'kysely';
import type { DialectName } from '../database-url.js';
import { organizationMigration } from './0001-organization.js';
import { catalogMigration } from './0002-catalog.js';
import { devicesMigration } from './0003-devices.js';
import { auditLogMigration } from './0004-audit-log.js';
import { mdmQueueMigration } from './0005-mdm-queue.js';
import { lifecycleMigration } from './0006-lifecycle.js';
import { renewalsMigration } from './0007-renewals.js';
import { auditOgPathMigration } from './0009-audit-og-path.js';
import { deviceNoticeStagesMigration } from './0010-device-notice-stages.js';

/**
 * The one list of migrations, for both databases. Names sort in the order they run; a published
 * migration is never edited, a change is a new migration appended here.
 */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-organization': organizationMigration(dialect),
    '0002-catalog': catalogMigration(dialect),
    '0003-devices': devicesMigration(dialect),
    '0004-audit-log': auditLogMigration(dialect),
    '0005-mdm-queue': mdmQueueMigration(dialect),
    '0006-lifecycle': lifecycleMigration(dialect),
    '0007-renewals': renewalsMigration(dialect),
    '0009-audit-og-path': auditOgPathMigration(),
    '0010-device-notice-stages': deviceNoticeStagesMigration(dialect),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
