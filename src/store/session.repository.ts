import type { Kysely, Selectable } from 'kysely';
import type { ConsoleSession } from '../domain/model.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { translateConstraints } from './constraint-errors.js';
import type { ConsoleSessionTable, StoreSchema } from './schema.js';
import { affectedRows } from './sql-filters.js';
import { fromMillis, toMillis } from './values.js';

export interface NewSession {
  /** Hash of the session id the browser holds; the id itself is never stored. */
  readonly idHash: string;
  readonly adminId: number;
  readonly csrfTokenHash: string;
  readonly expiresAt: Date;
}

function toSession(row: Selectable<ConsoleSessionTable>): ConsoleSession {
  return {
    id: row.id,
    idHash: row.id_hash,
    adminId: row.admin_id,
    csrfTokenHash: row.csrf_token_hash,
    createdAt: fromMillis(row.created_at),
    expiresAt: fromMillis(row.expires_at),
  };
}

/**
 * Console sessions. Sessions belong to an admin, not to an OG, and are found by the hash of a
 * secret the browser presents, so these methods take no scope: they are how a request learns
 * who it is, before it has one.
 */
export class SessionRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock = systemClock,
  ) {}

  async create(input: NewSession): Promise<ConsoleSession> {
    const row = await translateConstraints('console session', () =>
      this.db
        .insertInto('console_sessions')
        .values({
          id_hash: input.idHash,
          admin_id: input.adminId,
          csrf_token_hash: input.csrfTokenHash,
          created_at: this.clock().getTime(),
          expires_at: toMillis(input.expiresAt),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return toSession(row);
  }

  /** The session with this id hash, unless it expired at or before `now`. */
  async findActive(idHash: string, now: Date): Promise<ConsoleSession | undefined> {
    const row = await this.db
      .selectFrom('console_sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', toMillis(now))
      .executeTakeFirst();
    return row === undefined ? undefined : toSession(row);
  }

  /** Moves the expiry (sliding sessions); false when the session is gone. */
  async extend(idHash: string, expiresAt: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('console_sessions')
      .set({ expires_at: toMillis(expiresAt) })
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return affectedRows(result) > 0;
  }

  /** Logs one session out; false when it was already gone. */
  async delete(idHash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('console_sessions').where('id_hash', '=', idHash).executeTakeFirst();
    return affectedRows(result) > 0;
  }

  /** Logs an admin out everywhere (password change, disabling); returns how many sessions ended. */
  async deleteForAdmin(adminId: number): Promise<number> {
    const result = await this.db.deleteFrom('console_sessions').where('admin_id', '=', adminId).executeTakeFirst();
    return affectedRows(result);
  }

  /** Removes sessions that expired at or before `now`; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('console_sessions')
      .where('expires_at', '<=', toMillis(now))
      .executeTakeFirst();
    return affectedRows(result);
  }
}
