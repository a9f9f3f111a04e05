import type { Kysely, Selectable } from 'kysely';
import { ancestorPaths } from './og-tree.js';
import { withLifecycleTables, type AlertChannelTable, type LifecycleStoreSchema } from './expiry-schema.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { ogInScope } from './sql-filters.js';
import { fromMillis, toMillis } from './values.js';

export type AlertChannelKind = 'email' | 'webhook';

/** Where an OG's admins get expiry alerts. The webhook secret is separate: see `AlertChannelWithSecret`. */
export interface AlertChannel {
  readonly id: number;
  readonly ogId: number;
  readonly kind: AlertChannelKind;
  /** An email address or an https/http URL. */
  readonly target: string;
  readonly createdAt: Date;
}

/** A channel with its webhook signing key, for the sender only. */
export interface AlertChannelWithSecret extends AlertChannel {
  readonly secret: string | undefined;
}

export interface NewAlertChannel {
  readonly ogId: number;
  readonly kind: AlertChannelKind;
  readonly target: string;
  readonly secret?: string;
}

function toChannel(row: Selectable<AlertChannelTable>): AlertChannelWithSecret {
  return {
    id: row.id,
    ogId: row.og_id,
    kind: row.kind as AlertChannelKind,
    target: row.target,
    secret: row.secret ?? undefined,
    createdAt: fromMillis(row.created_at),
  };
}

function withoutSecret({ secret: _secret, ...channel }: AlertChannelWithSecret): AlertChannel {
  return channel;
}

/** Alert channels per OG. */
export class AlertChannelRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(private readonly base: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(base);
  }

  /** Adds a channel to an OG in scope; undefined when the OG is not. */
  async create(scope: Scope, input: NewAlertChannel, now: Date): Promise<AlertChannel | undefined> {
    if (!(await ogInScope(this.base, scope, input.ogId))) return undefined;
    const row = await this.db
      .insertInto('alert_channels')
      .values({ og_id: input.ogId, kind: input.kind, target: input.target, secret: input.secret ?? null, created_at: toMillis(now) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return withoutSecret(toChannel(row));
  }

  async list(scope: Scope): Promise<AlertChannel[]> {
    const rows = await this.db.selectFrom('alert_channels').selectAll().where(inScope(scope, 'alert_channels.og_id')).orderBy('id').execute();
    return rows.map((row) => withoutSecret(toChannel(row)));
  }

  async delete(scope: Scope, id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('alert_channels').where('id', '=', id).where(inScope(scope, 'alert_channels.og_id')).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The channels of the OG and of its ancestors: everyone above an OG hears about it. */
  async forOg(ogId: number): Promise<AlertChannelWithSecret[]> {
    const og = await this.db.selectFrom('org_groups').select('path').where('id', '=', ogId).executeTakeFirst();
    if (og === undefined) return [];
    const paths = [...ancestorPaths(og.path), og.path];
    const rows = await this.db
      .selectFrom('alert_channels')
      .innerJoin('org_groups', 'org_groups.id', 'alert_channels.og_id')
      .selectAll('alert_channels')
      .where('org_groups.path', 'in', paths)
      .orderBy('alert_channels.id')
      .execute();
    return rows.map(toChannel);
  }
}
