import { sql } from 'kysely';
import type { Kysely, SqlBool } from 'kysely';
import type { App } from '../domain/model.js';
import { toApp } from './app-rows.js';
import type { AppRow } from './app-rows.js';
import { readAppUsage } from './app-usage.js';
import type { AppUsage } from './app-usage.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { translateConstraints } from './constraint-errors.js';
import { NO_EXPIRY, refreshEffectiveExpiry } from './effective-expiry.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import type { StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { affectedRows, allInScope, containsText, ogInScope } from './sql-filters.js';
import { toMillis } from './values.js';

export type { AppUsage, CurrentVersion } from './app-usage.js';

export interface NewApp {
  readonly ogId: number;
  readonly bundleId: string;
  readonly name: string;
  readonly platform: string;
}

export interface AppFilter {
  readonly platform?: string;
  /** Part of the name or bundle id, any case. */
  readonly search?: string;
  /** Only apps whose effective expiry is before this instant. */
  readonly expiringBefore?: Date;
}

export type AppSort = 'name' | 'expiry';

/** What changed, so the apps depending on it get their effective expiry recomputed. */
export type ExpirySource = { readonly appId: number } | { readonly profileId: number } | { readonly certificateId: number };

const ORDERS: Record<AppSort, SortOrder> = {
  name: { name: 'name', column: 'apps.name', idColumn: 'apps.id', direction: 'asc' },
  expiry: { name: 'expiry', column: 'apps.effective_expiry', idColumn: 'apps.id', direction: 'asc' },
};

/** In-house apps; their versions are in AppVersionRepository. */
export class AppRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Creates an app in an OG in scope; a bundle id is unique per OG (`store.duplicate`). */
  async create(scope: Scope, input: NewApp): Promise<App | undefined> {
    if (!(await ogInScope(this.db, scope, input.ogId))) {
      return undefined;
    }
    const row = await translateConstraints('app with this bundle id', () =>
      this.db
        .insertInto('apps')
        .values({
          og_id: input.ogId,
          bundle_id: input.bundleId,
          name: input.name,
          platform: input.platform,
          created_at: this.clock().getTime(),
          effective_expiry: NO_EXPIRY,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return toApp(row);
  }

  async get(scope: Scope, id: number): Promise<App | undefined> {
    const row = await this.db.selectFrom('apps').selectAll().where('id', '=', id).where(inScope(scope, 'apps.og_id')).executeTakeFirst();
    return row === undefined ? undefined : toApp(row);
  }

  /** Apps with this bundle id in scope (one per OG at most), oldest first. */
  async findByBundleId(scope: Scope, bundleId: string): Promise<App[]> {
    const rows = await this.db
      .selectFrom('apps')
      .selectAll()
      .where('bundle_id', '=', bundleId)
      .where(inScope(scope, 'apps.og_id'))
      .orderBy('id')
      .execute();
    return rows.map(toApp);
  }

  /** Apps in scope, by name or by effective expiry (soonest first, apps without expiry last). */
  async list(scope: Scope, filter: AppFilter = {}, sort: AppSort = 'name', page: PageRequest = {}): Promise<Page<App>> {
    let query = this.db.selectFrom('apps').selectAll().where(inScope(scope, 'apps.og_id'));
    if (filter.platform !== undefined) {
      query = query.where('platform', '=', filter.platform);
    }
    if (filter.search !== undefined) {
      const search = filter.search;
      query = query.where((eb) => eb.or([containsText('apps.name', search), containsText('apps.bundle_id', search)]));
    }
    if (filter.expiringBefore !== undefined) {
      query = query.where('effective_expiry', '<', toMillis(filter.expiringBefore));
    }
    const order = ORDERS[sort];
    const rows = await paginate(query, order, page).execute();
    const position = (row: AppRow) => [sort === 'name' ? row.name : row.effective_expiry, row.id] as const;
    return toPage(rows, order, page, position, toApp);
  }

  /**
   * The current version and install count of each app in `appIds` that lies in scope, in one
   * query: a list page asks once for all its rows.
   */
  async usage(scope: Scope, appIds: readonly number[]): Promise<Map<number, AppUsage>> {
    return readAppUsage(this.db, scope, appIds);
  }

  async rename(scope: Scope, id: number, name: string): Promise<App | undefined> {
    const row = await this.db
      .updateTable('apps')
      .set({ name })
      .where('id', '=', id)
      .where(inScope(scope, 'apps.og_id'))
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toApp(row);
  }

  /** Deletes an app with its versions; devices keep their installation reports. */
  async delete(scope: Scope, id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('apps').where('id', '=', id).where(inScope(scope, 'apps.og_id')).executeTakeFirst();
    return affectedRows(result) > 0;
  }

  /**
   * Recomputes the effective expiry of every app version (and app) depending on `source`, which
   * must lie in scope (false otherwise). Dependants in other OGs are recomputed too: the value
   * is derived data, and leaving it stale would hide an expiry from their own admins.
   */
  async refreshEffectiveExpiry(scope: Scope, source: ExpirySource): Promise<boolean> {
    const { table, id, versions } = dependants(source);
    if (!(await allInScope(this.db, scope, table, [id]))) {
      return false;
    }
    await refreshEffectiveExpiry(this.db, versions);
    return true;
  }
}

/** The row `source` names, and the app versions whose expiry depends on it. */
function dependants(source: ExpirySource) {
  const usedBy = (column: 'profile_id' | 'signing_certificate_id', id: number) =>
    sql<SqlBool>`app_versions.id in (select app_version_id from app_version_profiles where ${sql.ref(column)} = ${id})`;
  if ('appId' in source) {
    return { table: 'apps', id: source.appId, versions: sql<SqlBool>`app_versions.app_id = ${source.appId}` } as const;
  }
  if ('profileId' in source) {
    return { table: 'profiles', id: source.profileId, versions: usedBy('profile_id', source.profileId) } as const;
  }
  return { table: 'certificates', id: source.certificateId, versions: usedBy('signing_certificate_id', source.certificateId) } as const;
}
