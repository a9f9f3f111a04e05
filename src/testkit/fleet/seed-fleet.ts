import { sql } from 'kysely';
import type { Database } from '../../store/database.js';

/** What {@link seedEnrolledFleet} creates. */
export interface FleetSeed {
  /** The OG the devices join. */
  readonly ogId: number;
  readonly devices: number;
  /** Every device reports these apps installed (no matched version: as an unmatched build would). */
  readonly bundleIds: readonly string[];
  /** Every device reports these profile UUIDs installed. */
  readonly profileUuids?: readonly string[];
  /** Prefix of the generated UDIDs, so several seeds can share a database. */
  readonly udidPrefix?: string;
}

/**
 * Enrolled devices with apps and profiles installed, generated inside the database with a few
 * set-based statements (a million devices in seconds), for load tests and benchmarks. The rows
 * are what check-in and inventory reports would have written.
 */
export async function seedEnrolledFleet(database: Database, seed: FleetSeed): Promise<void> {
  const db = database.kysely;
  const prefix = seed.udidPrefix ?? 'SEED-';
  const numbers =
    database.dialect === 'postgres'
      ? sql`select n from generate_series(1, ${seed.devices}::bigint) as s(n)`
      : sql`with recursive s(n) as (select 1 union all select n + 1 from s where n < ${seed.devices}) select n from s`;
  const ours = sql`select id from devices where udid like ${`${prefix}%`}`;
  await sql`insert into devices (og_id, udid, enrolled_at, last_seen_at)
    select ${seed.ogId}, ${prefix} || n, 0, 0 from (${numbers}) as numbers`.execute(db);
  await sql`insert into mdm_enrollments (device_id, identity_sha256, topic, push_token, push_magic, token_invalid, enabled, enrolled_at, updated_at)
    select id, ${`identity-${prefix}`} || id, 'com.apple.mgmt.seed', 'token-' || id, 'magic', 0, 1, 0, 0 from devices where id in (${ours})`.execute(db);
  for (const bundleId of seed.bundleIds) {
    await sql`insert into installations (device_id, bundle_id, reported_at)
      select id, ${bundleId}, 0 from devices where id in (${ours})`.execute(db);
  }
  for (const uuid of seed.profileUuids ?? []) {
    await sql`insert into device_profiles (device_id, profile_uuid, reported_at)
      select id, ${uuid}, 0 from devices where id in (${ours})`.execute(db);
  }
  if (database.dialect === 'postgres') await sql`analyze`.execute(db);
}
