import { sql } from 'kysely';
import type { Kysely, SqlBool } from 'kysely';
import type { AppVersion, AppVersionProfile, AppVersionStatus } from '../domain/model.js';
import { toAppVersion, toAppVersionProfile } from './app-rows.js';
import { translateConstraints } from './constraint-errors.js';
import { NO_EXPIRY, refreshEffectiveExpiry } from './effective-expiry.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import type { StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { affectedRows, allInScope } from './sql-filters.js';
import { inTransaction } from './transaction.js';
import { orNull, toMillis } from './values.js';

/** One bundle of a version, the app itself or an extension, and the profile it runs under. */
export interface VersionBundle {
  readonly bundleId: string;
  readonly profileId: number;
  /** The certificate that signed the bundle's binary (from its code signature), when known. */
  readonly signingCertificateId?: number;
}

export interface NewAppVersion {
  readonly shortVersion: string;
  readonly build: string;
  readonly ipaSha256: string;
  readonly ipaSize: number;
  readonly uploadedAt: Date;
  readonly uploadedBy?: number;
  readonly status?: AppVersionStatus;
  readonly bundles: readonly VersionBundle[];
}

/** A renewal: bundles running under `fromProfileId` move to `toProfileId`. */
export interface Repoint {
  readonly fromProfileId: number;
  readonly toProfileId: number;
  /** Only versions of these apps; every app in scope using the profile when absent. */
  readonly appIds?: readonly number[];
}

const NEWEST_FIRST: SortOrder = { name: 'newest', column: 'app_versions.id', idColumn: 'app_versions.id', direction: 'desc' };

/** Versions of apps (uploaded builds) and the profile each of their bundles uses. */
export class AppVersionRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /**
   * Adds a version to an app in scope, with its bundles; every profile and signing certificate
   * must lie in scope too. Updates the effective expiry of the version and the app.
   */
  async add(scope: Scope, appId: number, input: NewAppVersion): Promise<AppVersion | undefined> {
    return inTransaction(this.db, async (trx) => {
      if (!(await this.referencesVisible(trx, scope, appId, input.bundles))) {
        return undefined;
      }
      const { id } = await trx
        .insertInto('app_versions')
        .values({
          app_id: appId,
          short_version: input.shortVersion,
          build: input.build,
          ipa_sha256: input.ipaSha256.toLowerCase(),
          ipa_size: input.ipaSize,
          uploaded_at: toMillis(input.uploadedAt),
          uploaded_by: orNull(input.uploadedBy),
          status: input.status ?? 'active',
          effective_expiry: NO_EXPIRY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.bundles.length > 0) {
        const rows = input.bundles.map((bundle) => bundleValues(id, bundle));
        await translateConstraints('bundle of the version', () => trx.insertInto('app_version_profiles').values(rows).execute());
      }
      await refreshEffectiveExpiry(trx, sql<SqlBool>`app_versions.app_id = ${appId}`);
      return findVersion(trx, scope, id);
    });
  }

  async get(scope: Scope, id: number): Promise<AppVersion | undefined> {
    return findVersion(this.db, scope, id);
  }

  /** The versions of an app in scope, newest first (an empty page for an app not in scope). */
  async list(scope: Scope, appId: number, page: PageRequest = {}): Promise<Page<AppVersion>> {
    const query = visibleVersions(this.db, scope).selectAll('app_versions').where('app_versions.app_id', '=', appId);
    const rows = await paginate(query, NEWEST_FIRST, page).execute();
    return toPage(rows, NEWEST_FIRST, page, (row) => [row.id, row.id], toAppVersion);
  }

  /** Activates or retires a version and updates the app's effective expiry. */
  async setStatus(scope: Scope, id: number, status: AppVersionStatus): Promise<AppVersion | undefined> {
    return inTransaction(this.db, async (trx) => {
      const version = await findVersion(trx, scope, id);
      if (version === undefined) {
        return undefined;
      }
      await trx.updateTable('app_versions').set({ status }).where('id', '=', id).execute();
      await refreshEffectiveExpiry(trx, sql<SqlBool>`app_versions.app_id = ${version.appId}`);
      return findVersion(trx, scope, id);
    });
  }

  /**
   * The bundles of a version in scope by bundle id: the app first, as Apple requires extension
   * bundle ids to start with the app's.
   */
  async bundles(scope: Scope, id: number): Promise<AppVersionProfile[] | undefined> {
    if ((await this.get(scope, id)) === undefined) {
      return undefined;
    }
    const rows = await this.db
      .selectFrom('app_version_profiles')
      .selectAll()
      .where('app_version_id', '=', id)
      .orderBy('bundle_id')
      .execute();
    return rows.map(toAppVersionProfile);
  }

  /**
   * Applies a renewed profile: bundles of apps in scope that run under `fromProfileId` switch to
   * `toProfileId`, keeping their signing certificate, and effective expiries follow. Returns how
   * many bundles switched; undefined when either profile is not in scope.
   */
  async repointProfile(scope: Scope, repoint: Repoint): Promise<number | undefined> {
    return inTransaction(this.db, async (trx) => {
      if (!(await allInScope(trx, scope, 'profiles', [repoint.fromProfileId, repoint.toProfileId]))) {
        return undefined;
      }
      const versionIds = await versionsUsing(trx, scope, repoint);
      if (versionIds.length === 0) {
        return 0;
      }
      const result = await trx
        .updateTable('app_version_profiles')
        .set({ profile_id: repoint.toProfileId })
        .where('profile_id', '=', repoint.fromProfileId)
        .where('app_version_id', 'in', versionIds)
        .executeTakeFirst();
      await refreshEffectiveExpiry(trx, sql<SqlBool>`app_versions.id in (${sql.join(versionIds)})`);
      return affectedRows(result);
    });
  }

  private async referencesVisible(
    db: Kysely<StoreSchema>,
    scope: Scope,
    appId: number,
    bundles: readonly VersionBundle[],
  ): Promise<boolean> {
    const certificates = bundles.flatMap((bundle) => bundle.signingCertificateId ?? []);
    return (
      (await allInScope(db, scope, 'apps', [appId])) &&
      (await allInScope(db, scope, 'profiles', bundles.map((bundle) => bundle.profileId))) &&
      (await allInScope(db, scope, 'certificates', certificates))
    );
  }
}

function visibleVersions(db: Kysely<StoreSchema>, scope: Scope) {
  return db.selectFrom('app_versions').innerJoin('apps', 'apps.id', 'app_versions.app_id').where(inScope(scope, 'apps.og_id'));
}

async function findVersion(db: Kysely<StoreSchema>, scope: Scope, id: number): Promise<AppVersion | undefined> {
  const row = await visibleVersions(db, scope).selectAll('app_versions').where('app_versions.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toAppVersion(row);
}

/** Ids of versions of apps in scope (limited to `appIds` when given) with a bundle under the old profile. */
async function versionsUsing(db: Kysely<StoreSchema>, scope: Scope, repoint: Repoint): Promise<number[]> {
  if (repoint.appIds?.length === 0) {
    return [];
  }
  let query = visibleVersions(db, scope)
    .innerJoin('app_version_profiles', 'app_version_profiles.app_version_id', 'app_versions.id')
    .select('app_versions.id')
    .distinct()
    .where('app_version_profiles.profile_id', '=', repoint.fromProfileId);
  if (repoint.appIds !== undefined) {
    query = query.where('apps.id', 'in', [...repoint.appIds]);
  }
  return (await query.execute()).map((row) => row.id);
}

function bundleValues(appVersionId: number, bundle: VersionBundle) {
  return {
    app_version_id: appVersionId,
    bundle_id: bundle.bundleId,
    profile_id: bundle.profileId,
    signing_certificate_id: orNull(bundle.signingCertificateId),
  };
}
