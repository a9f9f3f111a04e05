import { sql, type Kysely, type RawBuilder } from 'kysely';
import { PreparedQuery, type ArgumentOf } from './mdm-prepared.js';
import type { MdmStoreSchema } from './mdm-schema.js';
import { deviceInScope, type ScopeArguments } from './device-prepared-queries.js';

/**
 * A device's inventory reports (InstalledApplicationList, ProvisioningProfileList) replace what
 * was stored for it: rows missing from the report go, the others are upserted. The report is
 * bound as ONE JSON parameter, so each statement is prepared once whatever the report's length.
 *
 * SQLite runs the scope check, the delete and the upsert as three statements in the caller's
 * transaction (each costs it microseconds). PostgreSQL runs them as one statement, as each
 * statement is a round trip to another process: it returns the device's id when the device was
 * in scope, and nothing (and changes nothing) otherwise.
 */

/** What every report statement takes: the device, the report as a JSON array, and when. */
type ReportArguments = { deviceId: number; report: string; reportedAt: number };

/** One report, per database. */
export interface ReportStatements {
  readonly sqliteDeleteStale: PreparedQuery<ReportArguments, unknown>;
  readonly sqliteUpsert: PreparedQuery<ReportArguments, unknown>;
  readonly postgresReplace: PreparedQuery<ReportArguments & ScopeArguments, { id: number }>;
}

/** How a report's entries become rows: the table, its key, and its other columns. */
interface ReportShape {
  readonly table: 'installations' | 'device_profiles';
  /** The column that, with device_id, is unique; and the JSON field that fills it. */
  readonly key: ReportColumn;
  readonly values: readonly ReportColumn[];
}

interface ReportColumn {
  readonly column: string;
  readonly field: string;
  readonly postgresType: 'text' | 'bigint';
}

export const installationReport = reportStatements({
  table: 'installations',
  key: { column: 'bundle_id', field: 'bundleId', postgresType: 'text' },
  values: [
    { column: 'app_version_id', field: 'appVersionId', postgresType: 'bigint' },
    { column: 'short_version', field: 'shortVersion', postgresType: 'text' },
    { column: 'bundle_version', field: 'bundleVersion', postgresType: 'text' },
  ],
});

export const profileReport = reportStatements({
  table: 'device_profiles',
  key: { column: 'profile_uuid', field: 'uuid', postgresType: 'text' },
  values: [
    { column: 'name', field: 'name', postgresType: 'text' },
    { column: 'expires_at', field: 'expiresAt', postgresType: 'bigint' },
  ],
});

function reportStatements(shape: ReportShape): ReportStatements {
  const table = sql.table(shape.table);
  const key = sql.ref(shape.key.column);
  const columns = [shape.key, ...shape.values];
  const columnList = sql.join([sql.ref('device_id'), ...columns.map((c) => sql.ref(c.column)), sql.ref('reported_at')]);
  const updates = sql.join([...shape.values.map((c) => sql`${sql.ref(c.column)} = excluded.${sql.ref(c.column)}`), sql`reported_at = excluded.reported_at`]);
  return {
    sqliteDeleteStale: raw((arg: ArgumentOf<ReportArguments>) =>
      sql`delete from ${table} where device_id = ${arg('deviceId')}
        and ${key} not in (select value ->> ${`$.${shape.key.field}`} from json_each(${arg('report')}))`,
    ),
    // `where true`: SQLite reads an upsert's ON after a bare FROM as a join constraint.
    sqliteUpsert: raw((arg: ArgumentOf<ReportArguments>) =>
      sql`insert into ${table} (${columnList})
        select ${arg('deviceId')}, ${sql.join(columns.map((c) => sql`value ->> ${`$.${c.field}`}`))}, ${arg('reportedAt')}
        from json_each(${arg('report')}) where true
        on conflict (device_id, ${key}) do update set ${updates}`,
    ),
    postgresReplace: raw((arg: ArgumentOf<ReportArguments & ScopeArguments>, db) => {
      const recordType = sql.join(columns.map((c) => sql`${sql.ref(c.field)} ${sql.raw(c.postgresType)}`));
      return sql<{ id: number }>`with device as (${deviceInScope(db, arg)}), reported as (
          select * from jsonb_to_recordset(cast(${arg('report')} as jsonb)) as r(${recordType})
        ), stale as (
          delete from ${table} as t using device
          where t.device_id = device.id and t.${key} not in (select ${sql.ref(shape.key.field)} from reported)
        ), upserted as (
          insert into ${table} (${columnList})
          select device.id, ${sql.join(columns.map((c) => sql`reported.${sql.ref(c.field)}`))}, cast(${arg('reportedAt')} as bigint)
          from device, reported
          on conflict (device_id, ${key}) do update set ${updates}
        )
        select id from device`;
    }),
  };
}

/** A prepared statement written as SQL, for what Kysely's builder cannot say in both dialects. */
function raw<Args extends Record<string, unknown>, Row>(
  build: (arg: ArgumentOf<Args>, db: Kysely<MdmStoreSchema>) => RawBuilder<Row>,
): PreparedQuery<Args, Row> {
  return new PreparedQuery((db: Kysely<MdmStoreSchema>, arg: ArgumentOf<Args>) => {
    const statement = build(arg, db);
    return { compile: () => statement.compile(db) };
  });
}
