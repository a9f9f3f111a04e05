import type { Kysely } from 'kysely';
import type { ReportedInstallation } from '../../store/device-reports.js';
import type { StoreSchema } from '../../store/schema.js';
import type { InstalledApplication } from '../commands/index.js';

interface Candidate {
  readonly id: number;
  readonly bundleId: string;
  readonly shortVersion: string;
  readonly build: string;
}

/**
 * The device's apps as installation reports, each linked to the stored app version it runs when
 * one matches: same bundle id in the device's OG or an OG above it, same version and build (or,
 * failing that, the newest version with the same short version: manifests only carry that).
 */
export async function matchInstallations(
  db: Kysely<StoreSchema>,
  deviceOgId: number,
  apps: readonly InstalledApplication[],
): Promise<ReportedInstallation[]> {
  const reported = apps.filter((app): app is InstalledApplication & { identifier: string } => app.identifier !== undefined);
  const candidates = await candidatesFor(db, deviceOgId, reported.map((app) => app.identifier));
  return reported.map((app) => ({
    bundleId: app.identifier,
    appVersionId: bestMatch(candidates, app)?.id,
    shortVersion: app.shortVersion,
    bundleVersion: app.version,
  }));
}

function bestMatch(candidates: readonly Candidate[], app: InstalledApplication & { identifier: string }): Candidate | undefined {
  const sameApp = candidates.filter((candidate) => candidate.bundleId === app.identifier && candidate.shortVersion === app.shortVersion);
  return sameApp.find((candidate) => candidate.build === app.version) ?? sameApp[0];
}

async function candidatesFor(db: Kysely<StoreSchema>, deviceOgId: number, bundleIds: readonly string[]): Promise<Candidate[]> {
  if (bundleIds.length === 0) return [];
  const og = await db.selectFrom('org_groups').select('path').where('id', '=', deviceOgId).executeTakeFirst();
  const ancestorIds = (og?.path ?? '').split('/').filter((part) => part !== '').map(Number);
  if (ancestorIds.length === 0) return [];
  return db
    .selectFrom('app_versions as v')
    .innerJoin('apps as a', 'a.id', 'v.app_id')
    .select(['v.id', 'a.bundle_id as bundleId', 'v.short_version as shortVersion', 'v.build'])
    .where('a.og_id', 'in', ancestorIds)
    .where('a.bundle_id', 'in', [...new Set(bundleIds)])
    .orderBy('v.id', 'desc')
    .execute();
}
