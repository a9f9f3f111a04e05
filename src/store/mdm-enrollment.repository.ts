import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { MdmStoreSchema } from './mdm-schema.js';
import { idIn, withMdmTables } from './mdm-sql.js';
import { PreparedQuery, type ArgumentOf } from './mdm-prepared.js';
import { OPEN_STATUSES } from './mdm-queue-status.js';
import type { StoreSchema } from './schema.js';
import { affectedRows } from './sql-filters.js';

/** The enrollment a device identity is bound to. */
export interface MdmEnrollment {
  readonly deviceId: number;
  readonly udid: string;
  readonly ogId: number;
  readonly identitySha256: string;
  readonly enabled: boolean;
  /** When the device last checked in, as far as the devices table knows. */
  readonly lastSeenAt: Date;
}

/** Where and how to wake one device. */
export interface PushRecipient {
  readonly deviceId: number;
  readonly token: string;
  readonly pushMagic: string;
  readonly topic: string;
}

/** A TokenUpdate's push fields. */
export interface PushRegistration {
  readonly token: string;
  readonly pushMagic: string;
  readonly topic: string;
}

const ENROLLMENT_COLUMNS = ['e.device_id', 'd.udid', 'd.og_id', 'e.identity_sha256', 'e.enabled', 'd.last_seen_at'] as const;

/** Every device request starts with this lookup, so it is prepared once (see `PreparedQuery`). */
const byIdentityQuery = new PreparedQuery((db, arg: ArgumentOf<{ identitySha256: string }>) =>
  db
    .selectFrom('mdm_enrollments as e')
    .innerJoin('devices as d', 'd.id', 'e.device_id')
    .select(ENROLLMENT_COLUMNS)
    .where('e.identity_sha256', '=', arg('identitySha256')),
);

/**
 * MDM enrollments: which identity certificate speaks for which device, and its push token.
 * These methods take no scope: they serve the device endpoints and Provisio's own jobs, which
 * identify devices by certificate, never an admin request.
 */
export class MdmEnrollmentRepository {
  private readonly db: Kysely<MdmStoreSchema>;

  constructor(
    db: Kysely<StoreSchema>,
    private readonly clock: Clock = systemClock,
  ) {
    this.db = withMdmTables(db);
  }

  /** The enrollment bound to this identity certificate (SHA-256 hex), enabled or not. */
  async findByIdentity(identitySha256: string): Promise<MdmEnrollment | undefined> {
    const row = await byIdentityQuery.executeTakeFirst(this.db, { identitySha256 });
    return row === undefined ? undefined : toEnrollment(row);
  }

  /** The enrollment of the device with this UDID, enabled or not, whichever identity it is bound to. */
  async findByUdid(udid: string): Promise<MdmEnrollment | undefined> {
    const row = await this.db
      .selectFrom('mdm_enrollments as e')
      .innerJoin('devices as d', 'd.id', 'e.device_id')
      .select(ENROLLMENT_COLUMNS)
      .where('d.udid', '=', udid)
      .executeTakeFirst();
    return row === undefined ? undefined : toEnrollment(row);
  }

  /** Binds the device to an identity (Authenticate): enables it and forgets the old push token. */
  async bind(deviceId: number, identitySha256: string, topic: string): Promise<void> {
    const now = this.clock().getTime();
    const values = { identity_sha256: identitySha256, topic, push_token: null, push_magic: null, token_invalid: 0, enabled: 1, updated_at: now };
    await this.db
      .insertInto('mdm_enrollments')
      .values({ ...values, device_id: deviceId, enrolled_at: now })
      .onConflict((conflict) => conflict.column('device_id').doUpdateSet(values))
      .execute();
  }

  /** Stores a TokenUpdate; a new token is valid until APNs says otherwise. */
  async updatePush(deviceId: number, registration: PushRegistration): Promise<boolean> {
    const result = await this.db
      .updateTable('mdm_enrollments')
      .set({
        push_token: registration.token,
        push_magic: registration.pushMagic,
        topic: registration.topic,
        token_invalid: 0,
        updated_at: this.clock().getTime(),
      })
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    return affectedRows(result) > 0;
  }

  /** CheckOut: the device is no longer managed until it authenticates again. */
  async disable(deviceId: number): Promise<void> {
    await this.db
      .updateTable('mdm_enrollments')
      .set({ enabled: 0, updated_at: this.clock().getTime() })
      .where('device_id', '=', deviceId)
      .execute();
  }

  /** Marks tokens APNs refused for good; they are skipped until the next TokenUpdate. */
  async markTokensInvalid(deviceIds: readonly number[]): Promise<void> {
    if (deviceIds.length === 0) return;
    await this.db.updateTable('mdm_enrollments').set({ token_invalid: 1 }).where(idIn(this.db, 'device_id', deviceIds)).execute();
  }

  /** Notes when devices were last pushed, so the sweep does not push them again too soon. */
  async notePushed(deviceIds: readonly number[], at: Date): Promise<void> {
    if (deviceIds.length === 0) return;
    await this.db.updateTable('mdm_enrollments').set({ last_push_at: at.getTime() }).where(idIn(this.db, 'device_id', deviceIds)).execute();
  }

  /** Pushable devices with `commandId` open, by device id after `afterDeviceId`. */
  async recipientsOf(commandId: number, afterDeviceId: number, limit: number): Promise<PushRecipient[]> {
    const rows = await this.pushable(afterDeviceId, limit)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('mdm_queue as q')
            .select('q.command_id')
            .whereRef('q.device_id', '=', 'e.device_id')
            .where('q.command_id', '=', commandId)
            .where('q.status', 'in', [...OPEN_STATUSES]),
        ),
      )
      .execute();
    return rows.map(toRecipient);
  }

  /**
   * Devices to push again: open commands changed after the device was last seen, and no push
   * since `pushedBefore`. By device id after `afterDeviceId`.
   */
  async awaitingCheckIn(pushedBefore: Date, afterDeviceId: number, limit: number): Promise<PushRecipient[]> {
    const rows = await this.pushable(afterDeviceId, limit)
      .innerJoin('devices as d', 'd.id', 'e.device_id')
      .where((eb) => eb.or([eb('e.last_push_at', 'is', null), eb('e.last_push_at', '<', pushedBefore.getTime())]))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('mdm_queue as q')
            .select('q.command_id')
            .whereRef('q.device_id', '=', 'e.device_id')
            .where('q.status', 'in', [...OPEN_STATUSES])
            .whereRef('q.updated_at', '>', 'd.last_seen_at'),
        ),
      )
      .execute();
    return rows.map(toRecipient);
  }

  private pushable(afterDeviceId: number, limit: number) {
    return this.db
      .selectFrom('mdm_enrollments as e')
      .select(['e.device_id', 'e.push_token', 'e.push_magic', 'e.topic'])
      .where('e.enabled', '=', 1)
      .where('e.token_invalid', '=', 0)
      .where('e.push_token', 'is not', null)
      .where('e.push_magic', 'is not', null)
      .where('e.device_id', '>', afterDeviceId)
      .orderBy('e.device_id')
      .limit(limit);
  }
}

function toEnrollment(row: {
  device_id: number;
  udid: string;
  og_id: number;
  identity_sha256: string;
  enabled: number;
  last_seen_at: number;
}): MdmEnrollment {
  return {
    deviceId: row.device_id,
    udid: row.udid,
    ogId: row.og_id,
    identitySha256: row.identity_sha256,
    enabled: row.enabled === 1,
    lastSeenAt: new Date(row.last_seen_at),
  };
}

function toRecipient(row: { device_id: number; push_token: string | null; push_magic: string | null; topic: string }): PushRecipient {
  return { deviceId: row.device_id, token: row.push_token ?? '', pushMagic: row.push_magic ?? '', topic: row.topic };
}
