import type { Kysely } from 'kysely';
import type { DeviceProfile, Installation } from '../domain/model.js';
import { translateConstraints } from './constraint-errors.js';
import type { StoreSchema } from './schema.js';
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

/** One item per key, the last one reported (an upsert may not touch a row twice). */
function lastPerKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** Replaces what a device reported as installed: entries missing from `items` are removed. */
export async function replaceInstallations(
  db: Kysely<StoreSchema>,
  deviceId: number,
  items: readonly ReportedInstallation[],
  reportedAt: Date,
): Promise<void> {
  const latest = lastPerKey(items, (item) => item.bundleId);
  const bundleIds = latest.map((item) => item.bundleId);
  let stale = db.deleteFrom('installations').where('device_id', '=', deviceId);
  if (bundleIds.length > 0) stale = stale.where('bundle_id', 'not in', bundleIds);
  await stale.execute();
  if (latest.length === 0) return;
  const rows = latest.map((item) => ({
    device_id: deviceId,
    bundle_id: item.bundleId,
    app_version_id: orNull(item.appVersionId),
    short_version: orNull(item.shortVersion),
    bundle_version: orNull(item.bundleVersion),
    reported_at: toMillis(reportedAt),
  }));
  await translateConstraints('installation report', () =>
    db
      .insertInto('installations')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['device_id', 'bundle_id']).doUpdateSet((eb) => ({
          app_version_id: eb.ref('excluded.app_version_id'),
          short_version: eb.ref('excluded.short_version'),
          bundle_version: eb.ref('excluded.bundle_version'),
          reported_at: eb.ref('excluded.reported_at'),
        })),
      )
      .execute(),
  );
}

/** Replaces the profiles a device reported: entries missing from `items` are removed. */
export async function replaceDeviceProfiles(
  db: Kysely<StoreSchema>,
  deviceId: number,
  items: readonly ReportedProfile[],
  reportedAt: Date,
): Promise<void> {
  const latest = lastPerKey(items, (item) => item.uuid);
  const uuids = latest.map((item) => item.uuid);
  let stale = db.deleteFrom('device_profiles').where('device_id', '=', deviceId);
  if (uuids.length > 0) stale = stale.where('profile_uuid', 'not in', uuids);
  await stale.execute();
  if (latest.length === 0) return;
  const rows = latest.map((item) => ({
    device_id: deviceId,
    profile_uuid: item.uuid,
    name: orNull(item.name),
    expires_at: toOptionalMillis(item.expiresAt),
    reported_at: toMillis(reportedAt),
  }));
  await translateConstraints('profile report', () =>
    db
      .insertInto('device_profiles')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['device_id', 'profile_uuid']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          expires_at: eb.ref('excluded.expires_at'),
          reported_at: eb.ref('excluded.reported_at'),
        })),
      )
      .execute(),
  );
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
