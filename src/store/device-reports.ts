import type { Kysely } from 'kysely';
import type { DeviceProfile, Installation } from '../domain/model.js';
import { translateConstraints } from './constraint-errors.js';
import type { StoreSchema } from './schema.js';
import { deviceInScopeQuery, scopeArguments } from './device-prepared-queries.js';
import { installationReport, profileReport, type ReportStatements } from './device-report-queries.js';
import { isPostgres, withMdmTables } from './mdm-sql.js';
import type { Scope } from './scope.js';
import { inTransaction } from './transaction.js';
import { fromMillis, fromOptionalMillis, orNull, orUndefined, toMillis, toOptionalMillis } from './values.js';

/** One entry of an InstalledApplicationList response. */
export interface ReportedInstallation {
  readonly bundleId: string;
  /** The stored app version this build matches, when the service recognised it. */
  readonly appVersionId?: number;
  readonly shortVersion?: string;
  readonly bundleVersion?: string;
}

/** One entry of a ProvisioningProfileList response. */
export interface ReportedProfile {
  readonly uuid: string;
  readonly name?: string;
  readonly expiresAt?: Date;
}

/** Replaces what a device reported as installed: entries missing from `items` are removed. False when the device is not in scope. */
export async function replaceInstallations(
  db: Kysely<StoreSchema>,
  scope: Scope,
  deviceId: number,
  items: readonly ReportedInstallation[],
  reportedAt: Date,
): Promise<boolean> {
  const report = lastPerKey(items, (item) => item.bundleId).map((item) => ({
    bundleId: item.bundleId,
    appVersionId: orNull(item.appVersionId),
    shortVersion: orNull(item.shortVersion),
    bundleVersion: orNull(item.bundleVersion),
  }));
  return replaceReport(db, installationReport, 'installation report', { scope, deviceId, report, reportedAt });
}

/** Replaces the profiles a device reported: entries missing from `items` are removed. False when the device is not in scope. */
export async function replaceDeviceProfiles(
  db: Kysely<StoreSchema>,
  scope: Scope,
  deviceId: number,
  items: readonly ReportedProfile[],
  reportedAt: Date,
): Promise<boolean> {
  const report = lastPerKey(items, (item) => item.uuid).map((item) => ({
    uuid: item.uuid,
    name: orNull(item.name),
    expiresAt: toOptionalMillis(item.expiresAt),
  }));
  return replaceReport(db, profileReport, 'profile report', { scope, deviceId, report, reportedAt });
}

/** One item per key, the last one reported (an upsert may not touch a row twice). */
function lastPerKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

interface Report {
  readonly scope: Scope;
  readonly deviceId: number;
  readonly report: readonly object[];
  readonly reportedAt: Date;
}

/** See device-report-queries.ts: one statement on PostgreSQL, three in a transaction on SQLite. */
async function replaceReport(db: Kysely<StoreSchema>, statements: ReportStatements, what: string, input: Report): Promise<boolean> {
  const args = { deviceId: input.deviceId, report: JSON.stringify(input.report), reportedAt: toMillis(input.reportedAt) };
  const scope = scopeArguments(input.scope);
  if (isPostgres(db)) {
    const device = await translateConstraints(what, () => statements.postgresReplace.executeTakeFirst(withMdmTables(db), { ...args, ...scope }));
    return device !== undefined;
  }
  return inTransaction(db, async (trx) => {
    const mdm = withMdmTables(trx);
    if ((await deviceInScopeQuery.executeTakeFirst(mdm, { ...scope, deviceId: input.deviceId })) === undefined) return false;
    await statements.sqliteDeleteStale.execute(mdm, args);
    if (input.report.length > 0) await translateConstraints(what, () => statements.sqliteUpsert.execute(mdm, args));
    return true;
  });
}

export async function readInstallations(db: Kysely<StoreSchema>, deviceId: number): Promise<Installation[]> {
  const rows = await db.selectFrom('installations').selectAll().where('device_id', '=', deviceId).orderBy('bundle_id').execute();
  return rows.map((row) => ({
    deviceId: row.device_id,
    bundleId: row.bundle_id,
    appVersionId: orUndefined(row.app_version_id),
    shortVersion: orUndefined(row.short_version),
    bundleVersion: orUndefined(row.bundle_version),
    reportedAt: fromMillis(row.reported_at),
  }));
}

export async function readDeviceProfiles(db: Kysely<StoreSchema>, deviceId: number): Promise<DeviceProfile[]> {
  const rows = await db.selectFrom('device_profiles').selectAll().where('device_id', '=', deviceId).orderBy('profile_uuid').execute();
  return rows.map((row) => ({
    deviceId: row.device_id,
    profileUuid: row.profile_uuid,
    name: orUndefined(row.name),
    expiresAt: fromOptionalMillis(row.expires_at),
    reportedAt: fromMillis(row.reported_at),
  }));
}
