import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';

/** The newest active version of an app, as its list row shows it. */
export interface CurrentVersion {
  readonly shortVersion: string;
  readonly build: string;
}

/** What an app's list row shows besides the app itself. */
export interface AppUsage {
  /** The newest active version (highest id); undefined when every version is retired or none exists. */
  readonly currentVersion: CurrentVersion | undefined;
  /** Distinct devices in the app's OG or below that report its bundle id as installed. */
  readonly installCount: number;
}

/**
 * The usage of each app in `appIds`, in one query whatever their number. Apps outside `scope`
 * (or missing) are absent from the map.
 */
export async function readAppUsage(db: Kysely<StoreSchema>, scope: Scope, appIds: readonly number[]): Promise<Map<number, AppUsage>> {
  if (appIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('apps')
    .innerJoin('org_groups as app_og', 'app_og.id', 'apps.og_id')
    .leftJoin('app_versions as current', (join) =>
      join.onRef('current.app_id', '=', 'apps.id').on('current.id', '=', (eb) =>
        eb
          .selectFrom('app_versions as newest')
          .select((inner) => inner.fn.max('newest.id').as('id'))
          .whereRef('newest.app_id', '=', 'apps.id')
          .where('newest.status', '=', 'active'),
      ),
    )
    .select(['apps.id as appId', 'current.short_version as shortVersion', 'current.build as build'])
    .select(installCount().as('installCount'))
    .where('apps.id', 'in', [...appIds])
    .where(inScope(scope, 'apps.og_id'))
    .execute();
  return new Map(rows.map((row) => [row.appId, toUsage(row)]));
}

/**
 * Correlated count of the devices with the app's bundle id installed, devices whose OG path lies
 * in the app OG's range (see `pathRange` in scope.ts, here computed in SQL from the joined path).
 */
function installCount() {
  return sql<number | string>`(
    select count(distinct installations.device_id)
    from installations
    inner join devices on devices.id = installations.device_id
    inner join org_groups device_og on device_og.id = devices.og_id
    where installations.bundle_id = apps.bundle_id
      and device_og.path >= app_og.path
      and device_og.path < substr(app_og.path, 1, length(app_og.path) - 1) || '0'
  )`;
}

function toUsage(row: { shortVersion: string | null; build: string | null; installCount: number | string }): AppUsage {
  const { shortVersion, build } = row;
  return {
    currentVersion: shortVersion === null || build === null ? undefined : { shortVersion, build },
    // PostgreSQL counts are bigint.
    installCount: Number(row.installCount),
  };
}
