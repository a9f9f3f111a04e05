import { sql, type Kysely, type Selectable } from 'kysely';
import type { Threshold } from '../domain/expiry-thresholds.js';
import { withLifecycleTables, type DeviceNoticeStageTable, type LifecycleStoreSchema } from './expiry-schema.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { fromMillis, fromOptionalMillis, toMillis } from './values.js';

/** Whether (and how) the notice went out by email to the device's user. */
export type EmailStatus = 'none' | 'pending' | 'sent' | 'failed';

/** What every device running one app at one expiry is told at one stage. */
export interface DeviceNoticeStage {
  readonly id: number;
  readonly appId: number;
  readonly expiresAt: Date;
  readonly threshold: Threshold;
  readonly message: string;
  readonly createdAt: Date;
}

export type NewDeviceNoticeStage = Pick<DeviceNoticeStage, 'appId' | 'expiresAt' | 'threshold' | 'message'>;

/** A stage's notice as it concerns one device (its `id` is the stage's). */
export interface DeviceNotice extends DeviceNoticeStage {
  readonly deviceId: number;
  /** The address of the device's user, when known. */
  readonly email: string | undefined;
  readonly emailStatus: EmailStatus;
  /** When the device channel handed it to the device. */
  readonly deliveredAt: Date | undefined;
}

/** Where a run through the pending emails has got to. */
export type EmailCursor = Pick<DeviceNotice, 'id' | 'deviceId'>;

function toStage(row: Selectable<DeviceNoticeStageTable>): DeviceNoticeStage {
  return {
    id: row.id,
    appId: row.app_id,
    expiresAt: fromMillis(row.expires_at),
    threshold: row.threshold as Threshold,
    message: row.message,
    createdAt: fromMillis(row.created_at),
  };
}

/**
 * Device-user notices. The scan records stages (a few rows however many devices run an app);
 * the notices of a device are the stages of the app versions it has installed, and a delivery
 * row per device and stage remembers that it was collected or emailed, so each goes out once.
 */
export class DeviceNoticeRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(db);
  }

  /** Records the stages not recorded yet (by app, expiry and threshold); returns those it recorded. */
  async recordStages(stages: readonly NewDeviceNoticeStage[], now: Date): Promise<DeviceNoticeStage[]> {
    if (stages.length === 0) return [];
    const rows = await this.db
      .insertInto('device_notice_stages')
      .values(stages.map((stage) => ({ app_id: stage.appId, expires_at: toMillis(stage.expiresAt), threshold: stage.threshold, message: stage.message, created_at: toMillis(now) })))
      .onConflict((conflict) => conflict.columns(['app_id', 'expires_at', 'threshold']).doNothing())
      .returningAll()
      .execute();
    return rows.map(toStage).sort((a, b) => a.id - b.id);
  }

  /** A device's notices, oldest first; only those it has not collected unless `all`. */
  async outbox(scope: Scope, deviceId: number, options: { readonly all?: boolean } = {}): Promise<DeviceNotice[]> {
    let query = this.notices().where('d.id', '=', deviceId).where(inScope(scope, 'd.og_id'));
    if (options.all !== true) query = query.where('x.delivered_at', 'is', null);
    return (await query.orderBy('s.id').execute()).map(toDeviceNotice);
  }

  /**
   * Hands the device channel the notices the device has not collected, oldest first, marking
   * them collected in the same statement: two requests at once never both get a notice.
   */
  async takeUndelivered(deviceId: number, now: Date): Promise<DeviceNotice[]> {
    const at = toMillis(now);
    const claimed = await this.db
      .insertInto('device_notice_deliveries')
      .columns(['device_id', 'stage_id', 'delivered_at'])
      .expression(this.concerning().select(['d.id', 's.id', sql.lit(at).as('delivered_at')]).where('d.id', '=', deviceId))
      .onConflict((conflict) =>
        conflict.columns(['device_id', 'stage_id']).doUpdateSet({ delivered_at: at }).where('device_notice_deliveries.delivered_at', 'is', null),
      )
      .returning('stage_id')
      .execute();
    if (claimed.length === 0) return [];
    const rows = await this.notices()
      .where('d.id', '=', deviceId)
      .where('s.id', 'in', claimed.map((row) => row.stage_id))
      .orderBy('s.id')
      .execute();
    return rows.map(toDeviceNotice);
  }

  /** Notices whose device's user has an address and no email tried yet, by stage then device, after `after`. */
  async pendingEmails(limit: number, after?: EmailCursor): Promise<DeviceNotice[]> {
    let query = this.notices().where('d.user_email', 'is not', null).where('x.email_status', 'is', null);
    if (after !== undefined) {
      query = query.where((eb) => eb.or([eb('s.id', '>', after.id), eb.and([eb('s.id', '=', after.id), eb('d.id', '>', after.deviceId)])]));
    }
    const rows = await query.orderBy('s.id').orderBy('d.id').limit(limit).execute();
    return rows.map(toDeviceNotice);
  }

  async setEmailStatus(notice: EmailCursor, status: 'sent' | 'failed'): Promise<void> {
    await this.db
      .insertInto('device_notice_deliveries')
      .values({ device_id: notice.deviceId, stage_id: notice.id, delivered_at: null, email_status: status })
      .onConflict((conflict) => conflict.columns(['device_id', 'stage_id']).doUpdateSet({ email_status: status }))
      .execute();
  }

  /** Every (device, stage) pair: the stage's app runs on the device at the stage's expiry. */
  private concerning() {
    return this.db
      .selectFrom('device_notice_stages as s')
      .innerJoin('app_versions as v', (join) => join.onRef('v.app_id', '=', 's.app_id').onRef('v.effective_expiry', '=', 's.expires_at'))
      .innerJoin('installations as i', 'i.app_version_id', 'v.id')
      .innerJoin('devices as d', 'd.id', 'i.device_id');
  }

  private notices() {
    return this.concerning()
      .leftJoin('device_notice_deliveries as x', (join) => join.onRef('x.device_id', '=', 'd.id').onRef('x.stage_id', '=', 's.id'))
      .selectAll('s')
      .select(['d.id as deviceId', 'd.user_email as email', 'x.delivered_at as deliveredAt', 'x.email_status as emailStatus']);
  }
}

type NoticeRow = Selectable<DeviceNoticeStageTable> & {
  readonly deviceId: number;
  readonly email: string | null;
  readonly deliveredAt: number | null;
  readonly emailStatus: string | null;
};

function toDeviceNotice(row: NoticeRow): DeviceNotice {
  const email = row.email ?? undefined;
  const emailStatus: EmailStatus = email === undefined ? 'none' : ((row.emailStatus as EmailStatus | null) ?? 'pending');
  return { ...toStage(row), deviceId: row.deviceId, email, emailStatus, deliveredAt: fromOptionalMillis(row.deliveredAt) };
}
