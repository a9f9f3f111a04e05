import { sql, type Kysely } from 'kysely';
import type { NoticeSubject } from '../domain/notice-types.js';
import { withLifecycleTables, type LifecycleStoreSchema } from './expiry-schema.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { fromMillis, toMillis } from './values.js';

const DAY_MS = 86_400_000;

/** A profile or certificate with its expiry: what the scan judges against the thresholds. */
export interface ExpirySubject {
  readonly type: NoticeSubject;
  readonly id: number;
  readonly ogId: number;
  readonly name: string;
  readonly expiresAt: Date;
}

/** An installed app version with its effective expiry: one device that loses one app. */
export interface DeviceExposure {
  readonly deviceId: number;
  readonly udid: string;
  readonly deviceName: string | undefined;
  readonly userEmail: string | undefined;
  readonly appId: number;
  readonly appName: string;
  readonly appVersionId: number;
  readonly expiresAt: Date;
}

/** How many devices run an app version that stops at `expiresAt`. */
export interface ExpiringInstallations {
  readonly appId: number;
  readonly appName: string;
  readonly ogId: number;
  readonly expiresAt: Date;
  readonly devices: number;
}

const count = (value: number | string | bigint) => Number(value);

/** The read side of the expiry engine, plus the marking of expired app versions. */
export class ExpiryRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(db);
  }

  /** Profiles (not superseded) and certificates in scope that expire before `before`. */
  async subjectsExpiringBefore(scope: Scope, before: Date): Promise<ExpirySubject[]> {
    const limit = toMillis(before);
    const profiles = await this.db
      .selectFrom('profiles')
      .select(['id', 'og_id', 'name', 'expiration_date as expires'])
      .where('status', '<>', 'superseded')
      .where('expiration_date', '<', limit)
      .where(inScope(scope, 'profiles.og_id'))
      .orderBy('id')
      .execute();
    const certificates = await this.db
      .selectFrom('certificates')
      .select(['id', 'og_id', 'common_name as name', 'not_after as expires'])
      .where('not_after', '<', limit)
      .where(inScope(scope, 'certificates.og_id'))
      .orderBy('id')
      .execute();
    const subject = (type: NoticeSubject) => (row: (typeof profiles)[number]) => ({
      type,
      id: row.id,
      ogId: row.og_id,
      name: row.name,
      expiresAt: fromMillis(row.expires),
    });
    return [...profiles.map(subject('profile')), ...certificates.map(subject('certificate'))];
  }

  /** Every installed app version in scope whose effective expiry is before `before`. */
  async exposuresBefore(scope: Scope, before: Date): Promise<DeviceExposure[]> {
    const rows = await this.exposureQuery(scope).where('app_versions.effective_expiry', '<', toMillis(before)).execute();
    return rows.map((row) => ({
      deviceId: row.deviceId,
      udid: row.udid,
      deviceName: row.deviceName ?? undefined,
      userEmail: row.userEmail ?? undefined,
      appId: row.appId,
      appName: row.appName,
      appVersionId: row.appVersionId,
      expiresAt: fromMillis(row.expires),
    }));
  }

  private exposureQuery(scope: Scope) {
    return this.db
      .selectFrom('installations')
      .innerJoin('app_versions', 'app_versions.id', 'installations.app_version_id')
      .innerJoin('apps', 'apps.id', 'app_versions.app_id')
      .innerJoin('devices', 'devices.id', 'installations.device_id')
      .select([
        'devices.id as deviceId',
        'devices.udid as udid',
        'devices.name as deviceName',
        'devices.user_email as userEmail',
        'apps.id as appId',
        'apps.name as appName',
        'app_versions.id as appVersionId',
        'app_versions.effective_expiry as expires',
      ])
      .where(inScope(scope, 'devices.og_id'))
      .orderBy('devices.id')
      .orderBy('apps.id');
  }

  /** Marks every app version whose effective expiry has passed as expired; returns how many are new. */
  async markExpiredVersions(now: Date): Promise<number> {
    const at = toMillis(now);
    const result = await this.db
      .insertInto('expired_app_versions')
      .columns(['app_version_id', 'expired_at'])
      .expression((eb) => eb.selectFrom('app_versions').select(['id', sql.lit(at).as('expired_at')]).where('effective_expiry', '<=', at))
      .onConflict((conflict) => conflict.column('app_version_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  /** Installations per app and expiry instant in [from, to), apps in scope (or under `ogScope`). */
  async installationsExpiringBetween(scope: Scope, from: Date, to: Date): Promise<ExpiringInstallations[]> {
    const rows = await this.db
      .selectFrom('app_versions')
      .innerJoin('apps', 'apps.id', 'app_versions.app_id')
      .innerJoin('installations', 'installations.app_version_id', 'app_versions.id')
      .select(['apps.id as appId', 'apps.name as appName', 'apps.og_id as ogId', 'app_versions.effective_expiry as expires'])
      .select((eb) => eb.fn.count<number>('installations.device_id').distinct().as('devices'))
      .where('app_versions.effective_expiry', '>=', toMillis(from))
      .where('app_versions.effective_expiry', '<', toMillis(to))
      .where(inScope(scope, 'apps.og_id'))
      .groupBy(['apps.id', 'apps.name', 'apps.og_id', 'app_versions.effective_expiry'])
      .orderBy('app_versions.effective_expiry')
      .orderBy('apps.id')
      .execute();
    return rows.map((row) => ({ ...row, expiresAt: fromMillis(row.expires), devices: count(row.devices) }));
  }

  /**
   * Per UTC day (days since the epoch) in [from, to), the distinct devices on which some app
   * version in scope stops: a device running three apps that stop that day counts once.
   */
  async devicesStoppingPerDay(scope: Scope, from: Date, to: Date): Promise<Map<number, number>> {
    // A literal divisor: SQLite divides integers only when both sides are integers, not bound doubles.
    const day = sql<number>`app_versions.effective_expiry / ${sql.lit(DAY_MS)}`;
    const rows = await this.db
      .selectFrom('app_versions')
      .innerJoin('apps', 'apps.id', 'app_versions.app_id')
      .innerJoin('installations', 'installations.app_version_id', 'app_versions.id')
      .select([day.as('day'), (eb) => eb.fn.count<number | string>('installations.device_id').distinct().as('devices')])
      .where('app_versions.effective_expiry', '>=', toMillis(from))
      .where('app_versions.effective_expiry', '<', toMillis(to))
      .where(inScope(scope, 'apps.og_id'))
      .groupBy(day)
      .execute();
    return new Map(rows.map((row) => [Number(row.day), Number(row.devices)]));
  }

  /** Devices with an installation of any of the versions: per app, and distinct across all. */
  async devicesRunning(versionIds: readonly number[]): Promise<{ perApp: Map<number, number>; distinct: number }> {
    if (versionIds.length === 0) return { perApp: new Map(), distinct: 0 };
    const base = this.db
      .selectFrom('installations')
      .innerJoin('app_versions', 'app_versions.id', 'installations.app_version_id')
      .where('installations.app_version_id', 'in', [...versionIds]);
    const perApp = await base
      .select('app_versions.app_id as appId')
      .select((eb) => eb.fn.count<number>('installations.device_id').distinct().as('devices'))
      .groupBy('app_versions.app_id')
      .execute();
    const total = await base.select((eb) => eb.fn.count<number>('installations.device_id').distinct().as('devices')).executeTakeFirst();
    return { perApp: new Map(perApp.map((row) => [row.appId, count(row.devices)])), distinct: count(total?.devices ?? 0) };
  }
}
