import { sql } from 'kysely';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Millis, StoreSchema } from './schema.js';

/**
 * Stored when nothing expires (an app without active versions): 9999-12-31T23:59:59.999Z.
 * A value instead of NULL keeps `effective_expiry` NOT NULL, so the expiry index orders and
 * pages the same way on both databases (they disagree on where NULLs sort).
 */
export const NO_EXPIRY: Millis = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Which versions to recompute, as a condition on `app_versions`. */
export type VersionSelection = Expression<SqlBool>;

// The earliest of each bundle's profile expiry and signing certificate expiry.
const versionExpiry = sql<Millis>`coalesce((
  select min(bundle_expiry.at) from (
    select p.expiration_date as at from app_version_profiles avp
      join profiles p on p.id = avp.profile_id
      where avp.app_version_id = app_versions.id
    union all
    select c.not_after as at from app_version_profiles avp
      join certificates c on c.id = avp.signing_certificate_id
      where avp.app_version_id = app_versions.id
  ) as bundle_expiry), ${NO_EXPIRY})`;

const appExpiry = sql<Millis>`coalesce((
  select min(v.effective_expiry) from app_versions v where v.app_id = apps.id and v.status = 'active'
), ${NO_EXPIRY})`;

/**
 * Recomputes `effective_expiry` of the selected versions and then of their apps (the earliest
 * across each app's active versions). Called after anything it depends on changes: a version
 * added or retired, a profile repointed, a profile or certificate replaced.
 */
export async function refreshEffectiveExpiry(db: Kysely<StoreSchema>, versions: VersionSelection): Promise<void> {
  await db.updateTable('app_versions').set({ effective_expiry: versionExpiry }).where(versions).execute();
  await db
    .updateTable('apps')
    .set({ effective_expiry: appExpiry })
    .where('id', 'in', (eb) => eb.selectFrom('app_versions').select('app_id').where(versions))
    .execute();
}

export function toEffectiveExpiry(millis: Millis): Date | undefined {
  return millis === NO_EXPIRY ? undefined : new Date(millis);
}
