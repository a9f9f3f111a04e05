import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { AuditActor, AuditEntry, JsonObject } from '../domain/model.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import type { AuditLogTable, StoreSchema } from './schema.js';
import { inScope, pathRange } from './scope.js';
import type { Scope } from './scope.js';
import { fromMillis, orNull, orUndefined, parseJsonObject, toJson, toMillis } from './values.js';

export interface NewAuditEntry {
  readonly actor: AuditActor;
  /** What happened, e.g. `profile.renew`. */
  readonly action: string;
  readonly objectType?: string;
  readonly objectId?: number;
  /** The OG the action happened in; Global for actions outside any OG. */
  readonly ogId: number;
  readonly remoteAddress?: string;
  readonly details?: JsonObject;
  readonly at: Date;
}

export interface AuditFilter {
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: number;
  readonly actor?: AuditActor;
  /** Entries at or after this instant. */
  readonly since?: Date;
  /** Entries before this instant. */
  readonly until?: Date;
}

const NEWEST_FIRST: SortOrder = { name: 'newest', column: 'audit_log.at', idColumn: 'audit_log.id', direction: 'desc' };

function toActor(kind: string, id: number | null): AuditActor {
  // A check constraint guarantees an id for admins and tokens, and none for the system.
  return (kind === 'admin' || kind === 'token') && id !== null ? { kind, id } : { kind: 'system' };
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    actor: toActor(row.actor_kind, row.actor_id),
    action: row.action,
    objectType: orUndefined(row.object_type),
    objectId: orUndefined(row.object_id),
    ogId: row.og_id,
    remoteAddress: orUndefined(row.remote_address),
    details: row.details === null ? undefined : parseJsonObject(row.details),
    at: fromMillis(row.at),
  };
}

/**
 * The audit log. Append-only: there is deliberately no update or delete. Entries are seen from
 * the OG they happened in and above; entries of an OG deleted since are seen from where it was.
 */
export class AuditRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const row = await this.db
      .insertInto('audit_log')
      .values({
        actor_kind: entry.actor.kind,
        actor_id: entry.actor.kind === 'system' ? null : entry.actor.id,
        action: entry.action,
        object_type: orNull(entry.objectType),
        object_id: orNull(entry.objectId),
        og_id: entry.ogId,
        og_path: sql<string | null>`(select path from org_groups where id = ${entry.ogId})`,
        remote_address: orNull(entry.remoteAddress),
        details: entry.details === undefined ? null : toJson(entry.details),
        at: toMillis(entry.at),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAuditEntry(row);
  }

  /** Entries of OGs in scope, newest first. */
  async list(scope: Scope, filter: AuditFilter = {}, page: PageRequest = {}): Promise<Page<AuditEntry>> {
    const { from, to } = pathRange(scope.path);
    // Where its OG still is; for an OG deleted since, where it was when the entry was written.
    let query = this.db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          inScope(scope, 'audit_log.og_id'),
          eb.and([
            eb('audit_log.og_path', '>=', from),
            eb('audit_log.og_path', '<', to),
            eb.not(eb.exists(eb.selectFrom('org_groups').select('org_groups.id').whereRef('org_groups.id', '=', 'audit_log.og_id'))),
          ]),
        ]),
      );
    const { action, objectType, objectId, actor, since, until } = filter;
    if (action !== undefined) query = query.where('action', '=', action);
    if (objectType !== undefined) query = query.where('object_type', '=', objectType);
    if (objectId !== undefined) query = query.where('object_id', '=', objectId);
    if (actor !== undefined) {
      query = query.where('actor_kind', '=', actor.kind);
      query = actor.kind === 'system' ? query : query.where('actor_id', '=', actor.id);
    }
    if (since !== undefined) query = query.where('at', '>=', toMillis(since));
    if (until !== undefined) query = query.where('at', '<', toMillis(until));
    const rows = await paginate(query, NEWEST_FIRST, page).execute();
    return toPage(rows, NEWEST_FIRST, page, (row) => [row.at, row.id], toAuditEntry);
  }
}
