import type { Kysely } from 'kysely';
import { withLifecycleTables, type LifecycleStoreSchema } from './expiry-schema.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { fromMillis, toMillis } from './values.js';

/** One attempt to deliver an alert, as the delivery log keeps it. */
export interface AlertDelivery {
  readonly id: number;
  readonly channelId: number;
  readonly noticeId: number | undefined;
  readonly attempt: number;
  readonly outcome: 'delivered' | 'failed';
  readonly statusCode: number | undefined;
  readonly error: string | undefined;
  readonly at: Date;
}

export type NewAlertDelivery = Omit<AlertDelivery, 'id'>;

/** The delivery log of alert channels. */
export class AlertDeliveryRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(db);
  }

  async record(delivery: NewAlertDelivery): Promise<void> {
    await this.db
      .insertInto('alert_deliveries')
      .values({
        channel_id: delivery.channelId,
        notice_id: delivery.noticeId ?? null,
        attempt: delivery.attempt,
        outcome: delivery.outcome,
        status_code: delivery.statusCode ?? null,
        error: delivery.error ?? null,
        at: toMillis(delivery.at),
      })
      .execute();
  }

  /** A channel's attempts, oldest first; empty when the channel is not in scope. */
  async listForChannel(scope: Scope, channelId: number): Promise<AlertDelivery[]> {
    const rows = await this.db
      .selectFrom('alert_deliveries')
      .innerJoin('alert_channels', 'alert_channels.id', 'alert_deliveries.channel_id')
      .selectAll('alert_deliveries')
      .where('alert_deliveries.channel_id', '=', channelId)
      .where(inScope(scope, 'alert_channels.og_id'))
      .orderBy('alert_deliveries.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      channelId: row.channel_id,
      noticeId: row.notice_id ?? undefined,
      attempt: row.attempt,
      outcome: row.outcome as AlertDelivery['outcome'],
      statusCode: row.status_code ?? undefined,
      error: row.error ?? undefined,
      at: fromMillis(row.at),
    }));
  }
}
