import type { Kysely } from 'kysely';
import { withLifecycleTables, type LifecycleStoreSchema } from './expiry-schema.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { fromMillis, toMillis } from './values.js';

/** A profile that expires before the horizon (or has expired). */
export interface ExpiringProfile {
  readonly id: number;
  readonly uuid: string;
  readonly name: string;
  readonly ogId: number;
  readonly expiresAt: Date;
}

/** A certificate that expires before the horizon (or has expired). */
export interface ExpiringCertificate {
  readonly id: number;
  readonly commonName: string;
  readonly ogId: number;
  readonly expiresAt: Date;
}

/** An app whose effective expiry is before the horizon, with the devices running a version that stops. */
export interface ExpiringApp {
  readonly id: number;
  readonly name: string;
  readonly bundleId: string;
  readonly ogId: number;
  readonly expiresAt: Date;
  readonly devices: number;
}

/**
 * What expires before a horizon, soonest first, at most `limit` of each kind: the report behind
 * `provisio expiring`. Superseded profiles are left out: their apps run under their successor.
 */
export class ExpiryListingRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(db);
  }

  async profiles(scope: Scope, before: Date, limit: number): Promise<ExpiringProfile[]> {
    const rows = await this.db
      .selectFrom('profiles')
      .select(['id', 'uuid', 'name', 'og_id', 'expiration_date'])
      .where('status', '<>', 'superseded')
      .where('expiration_date', '<', toMillis(before))
      .where(inScope(scope, 'profiles.og_id'))
      .orderBy('expiration_date')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, uuid: row.uuid, name: row.name, ogId: row.og_id, expiresAt: fromMillis(row.expiration_date) }));
  }

  async certificates(scope: Scope, before: Date, limit: number): Promise<ExpiringCertificate[]> {
    const rows = await this.db
      .selectFrom('certificates')
      .select(['id', 'common_name', 'og_id', 'not_after'])
      .where('not_after', '<', toMillis(before))
      .where(inScope(scope, 'certificates.og_id'))
      .orderBy('not_after')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, commonName: row.common_name, ogId: row.og_id, expiresAt: fromMillis(row.not_after) }));
  }

  /**
   * Apps whose effective expiry is before `before`; `devices` counts installations of their
   * versions that expire before it (one per device: a device has one installation per app).
   */
  async apps(scope: Scope, before: Date, limit: number): Promise<ExpiringApp[]> {
    const horizon = toMillis(before);
    const rows = await this.db
      .selectFrom('apps')
      .select(['apps.id', 'apps.name', 'apps.bundle_id', 'apps.og_id', 'apps.effective_expiry'])
      .select((eb) =>
        eb
          .selectFrom('installations as i')
          .innerJoin('app_versions as v', 'v.id', 'i.app_version_id')
          .select(eb.fn.countAll<number | string>().as('devices'))
          .whereRef('v.app_id', '=', 'apps.id')
          .where('v.effective_expiry', '<', horizon)
          .as('devices'),
      )
      .where('apps.effective_expiry', '<', horizon)
      .where(inScope(scope, 'apps.og_id'))
      .orderBy('apps.effective_expiry')
      .orderBy('apps.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      bundleId: row.bundle_id,
      ogId: row.og_id,
      expiresAt: fromMillis(row.effective_expiry),
      devices: Number(row.devices ?? 0),
    }));
  }
}
