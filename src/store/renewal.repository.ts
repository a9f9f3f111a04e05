import { sql } from 'kysely';
import type { Kysely, Selectable, SqlBool } from 'kysely';
import type { RolloutCounts, RolloutState } from '../domain/rollout.js';
import { rolloutStateOf } from '../domain/rollout.js';
import { isPostgres } from './mdm-sql.js';
import { earnedRemovalsQuery } from './renewal-removal-query.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import { withRenewalTables } from './renewal-schema.js';
import type { RenewalStoreSchema, RenewalTable } from './renewal-schema.js';
import type { StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { affectedRows } from './sql-filters.js';
import { fromFlag, fromMillis, toFlag, toJson, toMillis } from './values.js';

/** A profile as a renewal remembers it, by value. */
export interface RenewedProfile {
  readonly id: number | undefined;
  readonly uuid: string;
  readonly name: string;
  readonly expirationDate: Date;
}

/** An app a renewal moved to the new profile. */
export interface RenewedApp {
  readonly appId: number;
  readonly name: string;
  readonly ogId: number;
  readonly bundleIds: readonly string[];
}

export interface Renewal {
  readonly id: number;
  readonly ogId: number;
  readonly oldProfile: RenewedProfile;
  readonly newProfile: RenewedProfile;
  readonly applyToAllApps: boolean;
  readonly apps: readonly RenewedApp[];
  readonly bundleIds: readonly string[];
  readonly installCommandId: number;
  readonly removeCommandId: number;
  /** Devices the install was queued for when the renewal was applied. */
  readonly deviceCount: number;
  readonly createdBy: number | undefined;
  readonly createdByName: string | undefined;
  readonly createdAt: Date;
  readonly completedAt: Date | undefined;
  /** The counts when the rollout completed (the queue rows behind them may be pruned since). */
  readonly finalRollout: RolloutCounts | undefined;
}

export type NewRenewal = Omit<Renewal, 'id' | 'createdByName' | 'completedAt' | 'finalRollout'>;

/** One device of a rollout. */
export interface RolloutDevice {
  readonly deviceId: number;
  readonly udid: string;
  readonly name: string | undefined;
  readonly state: RolloutState;
  readonly oldRemoved: boolean;
  readonly updatedAt: Date;
  /** The device's answer to the install command (its ErrorChain when it failed). */
  readonly result: Uint8Array | undefined;
}

/** A removal of an old profile that a device has earned by proving the new one. */
export interface EarnedRemoval {
  readonly renewalId: number;
  readonly removeCommandId: number;
}

const DEVICE_ORDER: SortOrder = { name: 'rollout', column: 'q.device_id', idColumn: 'q.device_id', direction: 'asc' };

const STATE_FILTERS: Readonly<Record<RolloutState, string>> = {
  installed: 'has_new = 1',
  failed: "has_new = 0 and status in ('error', 'format_error')",
  waiting_unlock: "has_new = 0 and status = 'not_now'",
  pending: "has_new = 0 and status in ('pending', 'sent', 'acknowledged')",
};

/**
 * Applied renewals and their rollouts. A rollout is read, not stored: the devices are those with
 * a queue row for the renewal's install command that still have one of its apps installed, and
 * each one's state follows from that row's status and the profiles it last reported.
 */
export class RenewalRepository {
  private readonly db: Kysely<RenewalStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withRenewalTables(db);
  }

  /** Stores an applied renewal. Throws the database's unique violation when it was applied already. */
  async create(input: NewRenewal): Promise<Renewal> {
    const row = await this.db
      .insertInto('renewals')
      .values({
        og_id: input.ogId,
        old_profile_id: input.oldProfile.id ?? null,
        old_uuid: input.oldProfile.uuid,
        old_name: input.oldProfile.name,
        old_expiration_date: toMillis(input.oldProfile.expirationDate),
        new_profile_id: input.newProfile.id ?? null,
        new_uuid: input.newProfile.uuid,
        new_name: input.newProfile.name,
        new_expiration_date: toMillis(input.newProfile.expirationDate),
        apply_to_all_apps: toFlag(input.applyToAllApps),
        apps: toJson(input.apps),
        bundle_ids: toJson(input.bundleIds),
        install_command_id: input.installCommandId,
        remove_command_id: input.removeCommandId,
        device_count: input.deviceCount,
        created_by: input.createdBy ?? null,
        created_at: toMillis(input.createdAt),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stored = await this.byId(row.id);
    if (stored === undefined) throw new Error(`renewal ${row.id} vanished after insert`);
    return stored;
  }

  /** The renewal of `oldProfileId` by the profile with `newUuid`, if it was applied. */
  async findApplied(scope: Scope, oldProfileId: number, newUuid: string): Promise<Renewal | undefined> {
    const row = await this.selectRenewals()
      .where('r.old_profile_id', '=', oldProfileId)
      .where('r.new_uuid', '=', newUuid)
      .where(inScope(scope, 'r.og_id'))
      .executeTakeFirst();
    return row === undefined ? undefined : toRenewal(row);
  }

  async get(scope: Scope, id: number): Promise<Renewal | undefined> {
    const row = await this.selectRenewals().where('r.id', '=', id).where(inScope(scope, 'r.og_id')).executeTakeFirst();
    return row === undefined ? undefined : toRenewal(row);
  }

  /** Renewals in scope, newest first; `active` keeps those whose rollout has not completed. */
  async list(scope: Scope, options: { readonly active?: boolean; readonly limit?: number } = {}): Promise<Renewal[]> {
    let query = this.selectRenewals().where(inScope(scope, 'r.og_id'));
    if (options.active === true) query = query.where('r.completed_at', 'is', null);
    const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(options.limit ?? 200).execute();
    return rows.map(toRenewal);
  }

  /** Counts per state across the rollout's devices, in one query. */
  async rolloutCounts(renewal: Renewal): Promise<RolloutCounts> {
    const rows = await sql<{ status: string; has_new: number; has_old: number; n: number | string }>`
      select status, has_new, has_old, count(*) as n from (${this.rolloutRows(renewal)}) rollout
      group by status, has_new, has_old`.execute(this.db);
    const counts = { total: 0, pending: 0, waitingUnlock: 0, failed: 0, installed: 0, oldRemoved: 0 };
    for (const row of rows.rows) {
      const n = Number(row.n);
      const state = rolloutStateOf(row.status, Number(row.has_new) === 1);
      counts.total += n;
      if (state === 'waiting_unlock') counts.waitingUnlock += n;
      else counts[state] += n;
      if (state === 'installed' && Number(row.has_old) === 0) counts.oldRemoved += n;
    }
    return counts;
  }

  /** The rollout's devices, by device id, optionally only those in one state. */
  async rolloutDevices(renewal: Renewal, state: RolloutState | undefined, page: PageRequest = {}): Promise<Page<RolloutDevice>> {
    const filter = state === undefined ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.raw(STATE_FILTERS[state])}`;
    const rows = paginate(
      this.db
        .selectFrom(sql<RolloutRow>`(${this.rolloutRows(renewal)})`.as('q'))
        .innerJoin('devices as d', 'd.id', 'q.device_id')
        .select(['q.device_id', 'q.status', 'q.has_new', 'q.has_old', 'q.updated_at', 'q.result', 'd.udid', 'd.name'])
        .where(filter),
      DEVICE_ORDER,
      page,
    );
    const found = await rows.execute();
    return toPage(found, DEVICE_ORDER, page, (row) => [row.device_id, row.device_id], (row) => {
      const installed = Number(row.has_new) === 1;
      return {
        deviceId: row.device_id,
        udid: row.udid,
        name: row.name ?? undefined,
        state: rolloutStateOf(row.status, installed),
        oldRemoved: installed && Number(row.has_old) === 0,
        updatedAt: fromMillis(Number(row.updated_at)),
        result: row.result === null ? undefined : new Uint8Array(row.result),
      };
    });
  }

  /** Offers the install again to the rollout's devices that answered Error; returns their ids. */
  async retryFailed(renewal: Renewal, now: Date): Promise<number[]> {
    const rows = await this.db
      .updateTable('mdm_queue')
      .set({ status: 'pending', updated_at: toMillis(now), result: null })
      .where('command_id', '=', renewal.installCommandId)
      .where('status', 'in', ['error', 'format_error'])
      .where('device_id', 'in', (eb) =>
        eb.selectFrom('installations').select('device_id').where('bundle_id', 'in', [...renewal.bundleIds]),
      )
      .returning('device_id')
      .execute();
    return rows.map((row) => row.device_id);
  }

  /** Records that the rollout completed, with its final counts; false when it was recorded before. */
  async complete(id: number, counts: RolloutCounts, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('renewals')
      .set({ completed_at: toMillis(at), final_rollout: toJson(counts) })
      .where('id', '=', id)
      .where('completed_at', 'is', null)
      .executeTakeFirst();
    return affectedRows(result) > 0;
  }

  /**
   * The removals a device has earned with the profiles it reported last (call it once they are
   * recorded): renewals of its OG or an OG above it whose new UUID it holds while it still holds
   * the old one (a device that installed an app after the renewal may have brought the old
   * profile embedded in the app).
   * A device outside the renewal's OG never loses a profile to it.
   */
  async earnedRemovals(deviceId: number): Promise<EarnedRemoval[]> {
    const rows = await earnedRemovalsQuery.execute(this.db, { deviceId });
    return rows
      .filter((row) => row.device_path.startsWith(row.renewal_path))
      .map((row) => ({ renewalId: row.id, removeCommandId: row.remove_command_id }));
  }

  /**
   * Queues (again) a stored command for one device: a new row, or an answered row offered once
   * more (a device that re-installed the old profile gets the removal again).
   */
  async queueFor(deviceId: number, commandId: number, now: Date): Promise<void> {
    const values = { device_id: deviceId, command_id: commandId, status: 'pending', updated_at: toMillis(now), result: null };
    await this.db
      .insertInto('mdm_queue')
      .values(values)
      .onConflict((conflict) => conflict.columns(['device_id', 'command_id']).doUpdateSet({ status: 'pending', updated_at: values.updated_at, result: null }))
      .execute();
  }

  /**
   * The rollout's rows: the install command's queue row of every device that still has one of
   * the renewal's bundles installed, with flags for the new and old UUID in its last list.
   */
  private rolloutRows(renewal: Renewal) {
    const bundles = isPostgres(this.db)
      ? sql`select device_id from installations where bundle_id = any(${[...renewal.bundleIds]}::text[])`
      : sql`select device_id from installations where bundle_id in (select value from json_each(${JSON.stringify(renewal.bundleIds)}))`;
    return sql`
      select q.device_id, q.status, q.updated_at, q.result,
        case when exists (select 1 from device_profiles p where p.device_id = q.device_id and p.profile_uuid = ${renewal.newProfile.uuid}) then 1 else 0 end as has_new,
        case when exists (select 1 from device_profiles p where p.device_id = q.device_id and p.profile_uuid = ${renewal.oldProfile.uuid}) then 1 else 0 end as has_old
      from mdm_queue q
      where q.command_id = ${renewal.installCommandId} and q.device_id in (${bundles})`;
  }

  private selectRenewals() {
    return this.db
      .selectFrom('renewals as r')
      .leftJoin('admins as a', 'a.id', 'r.created_by')
      .selectAll('r')
      .select('a.username as created_by_name');
  }

  private async byId(id: number): Promise<Renewal | undefined> {
    const row = await this.selectRenewals().where('r.id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRenewal(row);
  }
}

interface RolloutRow {
  device_id: number;
  status: string;
  updated_at: number;
  result: Uint8Array | null;
  has_new: number;
  has_old: number;
}

function toRenewal(row: Selectable<RenewalTable> & { created_by_name: string | null }): Renewal {
  return {
    id: row.id,
    ogId: row.og_id,
    oldProfile: { id: row.old_profile_id ?? undefined, uuid: row.old_uuid, name: row.old_name, expirationDate: fromMillis(Number(row.old_expiration_date)) },
    newProfile: { id: row.new_profile_id ?? undefined, uuid: row.new_uuid, name: row.new_name, expirationDate: fromMillis(Number(row.new_expiration_date)) },
    applyToAllApps: fromFlag(row.apply_to_all_apps),
    apps: JSON.parse(row.apps) as RenewedApp[],
    bundleIds: JSON.parse(row.bundle_ids) as string[],
    installCommandId: row.install_command_id,
    removeCommandId: row.remove_command_id,
    deviceCount: row.device_count,
    createdBy: row.created_by ?? undefined,
    createdByName: row.created_by_name ?? undefined,
    createdAt: fromMillis(Number(row.created_at)),
    completedAt: row.completed_at === null ? undefined : fromMillis(Number(row.completed_at)),
    finalRollout: row.final_rollout === null ? undefined : (JSON.parse(row.final_rollout) as RolloutCounts),
  };
}
