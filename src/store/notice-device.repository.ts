import type { Kysely, Selectable } from 'kysely';
import type { Threshold } from '../domain/expiry-thresholds.js';
import { withLifecycleTables, type DeviceNoticeTable, type LifecycleStoreSchema } from './expiry-schema.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { fromMillis, fromOptionalMillis, toMillis } from './values.js';

/** Whether (and how) the notice went out by email. */
export type EmailStatus = 'none' | 'pending' | 'sent' | 'failed';

/** A notice for a device's user, kept in that device's outbox until the device channel delivers it. */
export interface DeviceNotice {
  readonly id: number;
  readonly deviceId: number;
  readonly appId: number;
  readonly threshold: Threshold;
  readonly expiresAt: Date;
  readonly message: string;
  readonly email: string | undefined;
  readonly emailStatus: EmailStatus;
  readonly deliveredAt: Date | undefined;
  readonly createdAt: Date;
}

export type NewDeviceNotice = Pick<DeviceNotice, 'deviceId' | 'appId' | 'threshold' | 'expiresAt' | 'message' | 'email'>;

function toDeviceNotice(row: Selectable<DeviceNoticeTable>): DeviceNotice {
  return {
    id: row.id,
    deviceId: row.device_id,
    appId: row.app_id,
    threshold: row.threshold as Threshold,
    expiresAt: fromMillis(row.expires_at),
    message: row.message,
    email: row.email ?? undefined,
    emailStatus: row.email_status as EmailStatus,
    deliveredAt: fromOptionalMillis(row.delivered_at),
    createdAt: fromMillis(row.created_at),
  };
}

/** The per-device outbox of user notices; the MDM/simulator layer delivers and acknowledges them. */
export class DeviceNoticeRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(db);
  }

  /** Queues the notice unless this device already has one for this app, expiry and threshold. */
  async record(notice: NewDeviceNotice, now: Date): Promise<DeviceNotice | undefined> {
    const row = await this.db
      .insertInto('device_notices')
      .values({
        device_id: notice.deviceId,
        app_id: notice.appId,
        threshold: notice.threshold,
        expires_at: toMillis(notice.expiresAt),
        message: notice.message,
        email: notice.email ?? null,
        email_status: notice.email === undefined ? 'none' : 'pending',
        created_at: toMillis(now),
      })
      .onConflict((conflict) => conflict.columns(['device_id', 'app_id', 'threshold', 'expires_at']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toDeviceNotice(row);
  }

  /** A device's notices, oldest first; only undelivered ones unless `all`. */
  async outbox(scope: Scope, deviceId: number, options: { readonly all?: boolean } = {}): Promise<DeviceNotice[]> {
    let query = this.db
      .selectFrom('device_notices')
      .innerJoin('devices', 'devices.id', 'device_notices.device_id')
      .selectAll('device_notices')
      .where('device_notices.device_id', '=', deviceId)
      .where(inScope(scope, 'devices.og_id'));
    if (options.all !== true) query = query.where('device_notices.delivered_at', 'is', null);
    return (await query.orderBy('device_notices.id').execute()).map(toDeviceNotice);
  }

  /** Marks a device's notices as delivered by the device channel; returns how many. */
  async markDelivered(deviceId: number, ids: readonly number[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db
      .updateTable('device_notices')
      .set({ delivered_at: toMillis(now) })
      .where('device_id', '=', deviceId)
      .where('id', 'in', [...ids])
      .where('delivered_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Notices waiting to be emailed, oldest first. */
  async pendingEmails(limit: number): Promise<DeviceNotice[]> {
    const rows = await this.db.selectFrom('device_notices').selectAll().where('email_status', '=', 'pending').orderBy('id').limit(limit).execute();
    return rows.map(toDeviceNotice);
  }

  async setEmailStatus(id: number, status: 'sent' | 'failed'): Promise<void> {
    await this.db.updateTable('device_notices').set({ email_status: status }).where('id', '=', id).execute();
  }
}
