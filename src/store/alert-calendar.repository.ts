import type { Kysely } from 'kysely';
import { withLifecycleTables, type LifecycleStoreSchema } from './expiry-schema.js';
import type { StoreSchema } from './schema.js';
import type { Scope } from './scope.js';
import { ogInScope } from './sql-filters.js';
import { toMillis } from './values.js';

/** A calendar feed: its id and OG; the token itself is only ever stored hashed. */
export interface CalendarFeed {
  readonly id: number;
  readonly ogId: number;
}

/** Token-protected iCalendar feeds of upcoming expiries, one or more per OG. */
export class AlertCalendarRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(private readonly base: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(base);
  }

  /** Adds a feed for an OG in scope; undefined when the OG is not. */
  async create(scope: Scope, ogId: number, tokenHash: string, now: Date): Promise<CalendarFeed | undefined> {
    if (!(await ogInScope(this.base, scope, ogId))) return undefined;
    const row = await this.db
      .insertInto('calendar_feeds')
      .values({ og_id: ogId, token_hash: tokenHash, created_at: toMillis(now) })
      .returning(['id', 'og_id'])
      .executeTakeFirstOrThrow();
    return { id: row.id, ogId: row.og_id };
  }

  /** The feed a token opens: how a calendar client (which has no session) is let in. */
  async findByTokenHash(tokenHash: string): Promise<CalendarFeed | undefined> {
    const row = await this.db.selectFrom('calendar_feeds').select(['id', 'og_id']).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row === undefined ? undefined : { id: row.id, ogId: row.og_id };
  }
}
