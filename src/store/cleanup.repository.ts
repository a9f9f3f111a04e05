import { sql, type Kysely } from 'kysely';
import type { Profile } from '../domain/model.js';
import { isForeignKeyViolation } from './constraint-errors.js';
import { StoreError } from './errors.js';
import type { MdmStoreSchema } from './mdm-schema.js';
import { idIn, withMdmTables } from './mdm-sql.js';
import { toProfile } from './profile-rows.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { affectedRows } from './sql-filters.js';
import { toMillis } from './values.js';

/** An expired profile a device still holds although it also holds a valid successor. */
export interface ExpiredOnDevice {
  readonly deviceId: number;
  readonly profileId: number;
  readonly uuid: string;
  readonly name: string;
  readonly ogId: number;
}

/** A RemoveProvisioningProfile command some device has not answered yet. */
export interface OpenRemoval {
  readonly commandId: number;
  /** The command plist as queued: it names the UUID to remove. */
  readonly body: Uint8Array;
}

const OPEN = ['pending', 'sent', 'not_now'];

/** The reads and deletes behind the cleanup actions. */
export class CleanupRepository {
  private readonly db: Kysely<MdmStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withMdmTables(db);
  }

  /** Profiles in scope that no app version runs under (whatever the app's group), oldest first. */
  async unusedProfiles(scope: Scope): Promise<Profile[]> {
    const rows = await this.db
      .selectFrom('profiles')
      .selectAll()
      .where(inScope(scope, 'profiles.og_id'))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('app_version_profiles as avp').select('avp.profile_id').whereRef('avp.profile_id', '=', 'profiles.id'))))
      .orderBy('id')
      .execute();
    return rows.map(toProfile);
  }

  /**
   * Deletes the profiles (their certificate links go with them). An app version that started
   * using one meanwhile fails the whole delete with `store.profile_in_use`.
   */
  async deleteProfiles(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    try {
      return affectedRows(await this.db.deleteFrom('profiles').where(idIn(this.db, 'profiles.id', ids)).executeTakeFirst());
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new StoreError('store.profile_in_use', 'a profile is now used by an app version', { cause: error });
      throw error;
    }
  }

  /**
   * Per device in scope, each stored profile it holds that has expired (by the expiry the device
   * reported, else the stored one) while it also holds a valid successor: a stored profile, not
   * expired, for the same App ID or the one the expired profile was superseded by. Profiles the
   * store does not know are never named: they are not Provisio's to remove.
   */
  async expiredWithSuccessor(scope: Scope, now: Date): Promise<ExpiredOnDevice[]> {
    const at = toMillis(now);
    const rows = await this.db
      .selectFrom('device_profiles as x')
      .innerJoin('devices as d', 'd.id', 'x.device_id')
      .innerJoin('profiles as p', 'p.uuid', 'x.profile_uuid')
      .select(['x.device_id as deviceId', 'p.id as profileId', 'p.uuid', 'p.name', 'p.og_id as ogId'])
      .where(inScope(scope, 'd.og_id'))
      .where(inScope(scope, 'p.og_id'))
      .where(sql<boolean>`coalesce(x.expires_at, p.expiration_date) <= ${at}`)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('device_profiles as y')
            .innerJoin('profiles as s', 's.uuid', 'y.profile_uuid')
            .select('y.device_id')
            .whereRef('y.device_id', '=', 'x.device_id')
            .whereRef('y.profile_uuid', '<>', 'x.profile_uuid')
            .where('s.status', '<>', 'expired')
            .where(sql<boolean>`coalesce(y.expires_at, s.expiration_date) > ${at}`)
            .where(inScope(scope, 's.og_id'))
            .where((inner) => inner.or([inner('s.application_identifier', '=', inner.ref('p.application_identifier')), inner('s.id', '=', inner.ref('p.superseded_by'))])),
        ),
      )
      .orderBy('p.id')
      .orderBy('x.device_id')
      .execute();
    return rows.map((row) => ({ ...row, deviceId: Number(row.deviceId), profileId: Number(row.profileId), ogId: Number(row.ogId) }));
  }

  /** Every RemoveProvisioningProfile command that a device has still to answer. */
  async openRemovals(): Promise<OpenRemoval[]> {
    const rows = await this.db
      .selectFrom('mdm_commands as c')
      .select(['c.id', 'c.body'])
      .where('c.request_type', '=', 'RemoveProvisioningProfile')
      .where((eb) => eb.exists(eb.selectFrom('mdm_queue as q').select('q.command_id').whereRef('q.command_id', '=', 'c.id').where('q.status', 'in', OPEN)))
      .execute();
    return rows.map((row) => ({ commandId: row.id, body: new Uint8Array(row.body) }));
  }

  /** The devices with an unanswered row of any of these commands. */
  async devicesAwaiting(commandIds: readonly number[]): Promise<Set<number>> {
    if (commandIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('mdm_queue as q')
      .select('q.device_id')
      .distinct()
      .where(idIn(this.db, 'q.command_id', commandIds))
      .where('q.status', 'in', OPEN)
      .execute();
    return new Set(rows.map((row) => Number(row.device_id)));
  }
}
