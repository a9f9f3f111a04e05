import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../src/store/database.js';
import { numberSeries } from '../../src/testkit/fleet/index.js';
import { NO_EXPIRY, refreshEffectiveExpiry } from '../../src/store/effective-expiry.js';

export const SCAN_PROFILES = 100_000;
export const SCAN_INSTALLATIONS = 1_000_000;
const OGS = 100;
const UNINSTALLED_APPS = 5_000;
const DAY_MS = 86_400_000;

/** What {@link seedScanWorld} created. */
export interface ScanWorld {
  readonly profiles: number;
  readonly installations: number;
  readonly devices: number;
}

/**
 * What the expiry scan benchmark scans, generated inside the database by a few INSERT ... SELECT
 * statements (nothing goes through the API, which is not what is measured):
 * - 100 OGs under Global, each with a distribution certificate valid for three more years;
 * - 100,000 profiles, one being shared by the `installedApps` apps and expiring in 25 days, the
 *   others spread over the OGs with expiries from 30 days ago to 400 days ahead;
 * - 5,000 more apps with one version each under the first 5,000 of those profiles, installed nowhere;
 * - 1,000,000 installations of the shared-profile apps: ceil(1,000,000 / installedApps) devices
 *   (every other one with its user's email address) each running the apps, up to the million.
 * So a first scan at `now` records a console notice for every profile in its last 60 days and a
 * device notice for every installation, and a second scan finds nothing new.
 */
export async function seedScanWorld(database: Database, installedApps: number, now: Date): Promise<ScanWorld> {
  const at = now.getTime();
  const seed = seeder(database);
  const firstOg = await createOgs(database);
  await seed(sql`insert into certificates (og_id, sha256, sha1, common_name, team_id, serial_number, not_before, not_after, created_at)
    select ${sql.lit(firstOg)} + n - 1, 'scan-certificate-' || n, 'scan-sha1-' || n, 'iPhone Distribution: Scan ' || n, 'SCANTEAM00', 'serial-' || n,
      ${sql.lit(at - 365 * DAY_MS)}, ${sql.lit(at + 1000 * DAY_MS)}, ${sql.lit(at)}
    from (${numberSeries(database, OGS)}) as numbers`);
  await seedProfiles(database, firstOg, at);
  await seed(sql`insert into profile_certificates (profile_id, certificate_id)
    select p.id, c.id from profiles p join certificates c on c.og_id = p.og_id`);
  await seedApps(database, firstOg, installedApps, at);
  const devices = Math.ceil(SCAN_INSTALLATIONS / installedApps);
  await seed(sql`insert into devices (og_id, udid, user_email, enrolled_at, last_seen_at)
    select ${sql.lit(firstOg)} + (n - 1) % ${sql.lit(OGS)}, 'SCAN-' || n, case when n % 2 = 0 then 'user' || n || '@example.com' end, 0, 0
    from (${numberSeries(database, devices)}) as numbers`);
  // Installation n runs app (n - 1) % apps on device (n - 1) / apps: every device has every app.
  await seed(sql`insert into installations (device_id, bundle_id, app_version_id, short_version, bundle_version, reported_at)
    select d.first + (n - 1) / ${sql.lit(installedApps)}, v.bundle_id, v.id, '1.0', '1', ${sql.lit(at)}
    from (${numberSeries(database, SCAN_INSTALLATIONS)}) as numbers
    join (select min(id) as first from devices where udid like 'SCAN-%') as d on 1 = 1
    join (select avp.app_version_id as id, avp.bundle_id, row_number() over (order by avp.app_version_id) - 1 as k
          from app_version_profiles avp where avp.bundle_id like 'com.scan.installed.%') as v on v.k = (n - 1) % ${sql.lit(installedApps)}`);
  await refreshEffectiveExpiry(database.kysely, sql<SqlBool>`1 = 1`);
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.kysely);
  return { profiles: SCAN_PROFILES, installations: SCAN_INSTALLATIONS, devices };
}

async function seedProfiles(database: Database, firstOg: number, at: number): Promise<void> {
  const json = (text: string) => (database.dialect === 'postgres' ? sql`cast(${text} as jsonb)` : sql`${text}`);
  const columns = sql`og_id, uuid, blob_sha256, blob_size, name, app_id_name, application_identifier, bundle_id, wildcard, team_id, team_name,
    type, platforms, creation_date, expiration_date, device_count, provisioned_devices, entitlements, signature_status, status, lineage_version, uploaded_at`;
  // Expiries spread over -30 … 399 days by a multiplicative hash of n, plus an hour so day counts are whole.
  await seeder(database)(sql`insert into profiles (${columns})
    select ${sql.lit(firstOg)} + (n - 1) % ${sql.lit(OGS)}, 'SCAN-PROFILE-' || n, 'scan-blob-' || n, 1000, 'Scan profile ' || n, 'Scan app ' || n,
      'SCANTEAM00.com.scan.app.' || n, 'com.scan.app.' || n, 0, 'SCANTEAM00', 'Scan Team', 'enterprise', ${json('["iOS"]')},
      ${sql.lit(at - 30 * DAY_MS)}, ${sql.lit(at + 3_600_000)} + ((n * 7919) % 430 - 30) * ${sql.lit(DAY_MS)}, 0, ${json('[]')}, ${json('{}')}, 'valid', 'active', 1, ${sql.lit(at)}
    from (${numberSeries(database, SCAN_PROFILES - 1)}) as numbers`);
  await seeder(database)(sql`insert into profiles (${columns})
    values (${sql.lit(firstOg)}, 'SCAN-SHARED-PROFILE', 'scan-blob-shared', 1000, 'Scan shared profile', 'Scan installed apps',
      'SCANTEAM00.com.scan.installed.*', 'com.scan.installed.*', 1, 'SCANTEAM00', 'Scan Team', 'enterprise', ${json('["iOS"]')},
      ${sql.lit(at - 30 * DAY_MS)}, ${sql.lit(at + 25 * DAY_MS + 3_600_000)}, 0, ${json('[]')}, ${json('{}')}, 'valid', 'active', 1, ${sql.lit(at)})`);
}

/** The installed apps under the shared profile, and apps installed nowhere under the first profiles. */
async function seedApps(database: Database, firstOg: number, installedApps: number, at: number): Promise<void> {
  const seed = seeder(database);
  await seed(sql`insert into apps (og_id, bundle_id, name, platform, created_at, effective_expiry)
    select ${sql.lit(firstOg)}, 'com.scan.installed.' || n, 'Scan installed app ' || n, 'iOS', ${sql.lit(at)}, ${sql.lit(NO_EXPIRY)} from (${numberSeries(database, installedApps)}) as numbers`);
  await seed(sql`insert into apps (og_id, bundle_id, name, platform, created_at, effective_expiry)
    select ${sql.lit(firstOg)} + (n - 1) % ${sql.lit(OGS)}, 'com.scan.app.' || n, 'Scan app ' || n, 'iOS', ${sql.lit(at)}, ${sql.lit(NO_EXPIRY)} from (${numberSeries(database, UNINSTALLED_APPS)}) as numbers`);
  await seed(sql`insert into app_versions (app_id, short_version, build, ipa_sha256, ipa_size, uploaded_at, status, effective_expiry)
    select id, '1.0', '1', 'scan-ipa-' || id, 1000, ${sql.lit(at)}, 'active', ${sql.lit(NO_EXPIRY)} from apps where bundle_id like 'com.scan.%'`);
  await seed(sql`insert into app_version_profiles (app_version_id, bundle_id, profile_id, signing_certificate_id)
    select v.id, a.bundle_id, p.id, pc.certificate_id
    from app_versions v join apps a on a.id = v.app_id
    join profiles p on p.og_id = a.og_id and (p.bundle_id = a.bundle_id or (p.uuid = 'SCAN-SHARED-PROFILE' and a.bundle_id like 'com.scan.installed.%'))
    join profile_certificates pc on pc.profile_id = p.id
    where a.bundle_id like 'com.scan.%'`);
}

/** 100 OGs under Global with consecutive ids; returns the first id. */
async function createOgs(database: Database): Promise<number> {
  const { ogs } = database.repositories;
  const root = await ogs.rootScope();
  const ids: number[] = [];
  for (let index = 1; index <= OGS; index++) {
    const og = await ogs.create(root, root.ogId, `Scan OG ${index}`);
    if (og === undefined) throw new Error('could not create an OG');
    ids.push(og.id);
  }
  const first = ids[0] ?? 0;
  if (ids.some((id, index) => id !== first + index)) throw new Error('OG ids are not consecutive');
  return first;
}

function seeder(database: Database): (statement: RawBuilder<unknown>) => Promise<void> {
  return async (statement) => void (await statement.execute(database.kysely));
}
