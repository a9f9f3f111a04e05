/**
 * The storage layer: one `openDatabase(url)` for SQLite or PostgreSQL, repositories per aggregate,
 * and the `Scope` every read and write is filtered by. See README.md in this folder.
 */
export { openDatabase } from './database.js';
export type { Database, OpenOptions } from './database.js';
export { parseDatabaseUrl } from './database-url.js';
export type { DatabaseTarget, DialectName } from './database-url.js';
export { StoreError, isStoreError } from './errors.js';
export type { StoreErrorCode } from './errors.js';
export type { MigrationStatus } from './migrator.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
export type { Page, PageRequest } from './pagination.js';
export { createRepositories } from './repositories.js';
export type { Repositories } from './repositories.js';
export type { Scope } from './scope.js';
export type { Clock } from './clock.js';
export type { AdminChanges, AdminFilter, NewAdmin } from './admin.repository.js';
export type { AppFilter, AppSort, ExpirySource, NewApp } from './app.repository.js';
export type { NewAppVersion, Repoint, VersionBundle } from './app-version.repository.js';
export type { AuditFilter, NewAuditEntry } from './audit.repository.js';
export type { CertificateFilter, CertificateInput } from './certificate.repository.js';
export type { DeviceCheckIn, DeviceFilter, DeviceSort, ReportedInstallation, ReportedProfile } from './device.repository.js';
export type { NewProfile, ProfileFilter, ProfileSort } from './profile.repository.js';
export type { NewSession } from './session.repository.js';
export type { ApiTokenFilter, NewApiToken } from './token.repository.js';
