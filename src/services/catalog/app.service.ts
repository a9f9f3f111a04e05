import { notFound } from '../../http/errors.js';
import type { Database } from '../../store/database.js';
import type { AppSort } from '../../store/app.repository.js';
import type { Page, PageRequest } from '../../store/pagination.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import type { AppDetail, AppView, VersionView } from './catalog-views.js';
import { expiringBefore } from './expiry-filter.js';
import { found, listingScope } from './scope-checks.js';
import { appViews, describeVersion, singleAppView } from './view-builders.js';

/** Filters of the app listing. */
export interface AppListQuery {
  /** Only apps of this group and the groups below it. */
  readonly ogId?: number;
  /** Part of the name or bundle id, any case. */
  readonly search?: string;
  /** Only apps whose effective expiry is at most this many days away (or past). */
  readonly expiringWithinDays?: number;
  readonly sort?: AppSort;
}

export interface AppCatalogServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly clock: Clock;
  readonly audit: AuditTrail;
}

/** How many of its newest versions an app's detail shows. */
const DETAIL_VERSIONS = 10;

/** Reading the app catalog, and retiring versions. */
export class AppCatalogService {
  constructor(private readonly deps: AppCatalogServiceDeps) {}

  async list(caller: Caller, query: AppListQuery, page: PageRequest): Promise<Page<AppView>> {
    const { repositories } = this.deps.database;
    const scope = await listingScope(repositories, caller, query.ogId);
    const now = this.deps.clock.now();
    const filter = { search: query.search, expiringBefore: expiringBefore(now, query.expiringWithinDays) };
    const apps = await repositories.apps.list(scope, filter, query.sort ?? 'name', page);
    return { items: await appViews(repositories, scope, apps.items, now), nextCursor: apps.nextCursor };
  }

  /** An app with its newest versions and the profile each of their bundles runs under. */
  async get(caller: Caller, id: number): Promise<AppDetail> {
    const { repositories } = this.deps.database;
    const { scope } = caller.actor;
    const app = found(await repositories.apps.get(scope, id), 'app');
    const now = this.deps.clock.now();
    const view = await singleAppView(repositories, scope, app, now);
    return { ...view, versions: await this.versionPage(caller, id, { limit: DETAIL_VERSIONS }, now) };
  }

  /** An app's versions, newest first. */
  async versions(caller: Caller, appId: number, page: PageRequest): Promise<Page<VersionView>> {
    found(await this.deps.database.repositories.apps.get(caller.actor.scope, appId), 'app');
    return this.versionPage(caller, appId, page, this.deps.clock.now());
  }

  /** Retires a version: it no longer counts toward the app's effective expiry. Idempotent. */
  async retireVersion(caller: Caller, appId: number, versionId: number): Promise<VersionView> {
    const { scope } = caller.actor;
    return this.deps.database.transaction(async (repositories) => {
      const app = found(await repositories.apps.get(scope, appId), 'app');
      const version = await repositories.appVersions.get(scope, versionId);
      if (version === undefined || version.appId !== app.id) throw notFound('app version');
      const now = this.deps.clock.now();
      if (version.status === 'retired') return describeVersion(repositories, scope, version, now);
      const retired = found(await repositories.appVersions.setStatus(scope, versionId, 'retired'), 'app version');
      const details = { appId, shortVersion: retired.shortVersion, build: retired.build };
      const change = { action: 'app_version.retire', objectType: 'app_version', objectId: versionId, ogId: app.ogId, details };
      await this.deps.audit.record(repositories, caller, change);
      return describeVersion(repositories, scope, retired, now);
    });
  }

  private async versionPage(caller: Caller, appId: number, page: PageRequest, now: Date): Promise<Page<VersionView>> {
    const { repositories } = this.deps.database;
    const versions = await repositories.appVersions.list(caller.actor.scope, appId, page);
    const items = await Promise.all(versions.items.map((version) => describeVersion(repositories, caller.actor.scope, version, now)));
    return { items, nextCursor: versions.nextCursor };
  }
}
