import type { Kysely, Selectable } from 'kysely';
import type { AdminRole, ApiToken } from '../domain/model.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { translateConstraints } from './constraint-errors.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import type { ApiTokenTable, StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { ogInScope } from './sql-filters.js';
import { fromMillis, fromOptionalMillis, orNull, orUndefined, toMillis } from './values.js';

export interface NewApiToken {
  readonly name: string;
  /** Hash of the bearer token; the token itself is shown once and never stored. */
  readonly tokenHash: string;
  readonly ogId: number;
  readonly role: AdminRole;
  readonly createdBy?: number;
}

export interface ApiTokenFilter {
  /** Also list revoked tokens (hidden by default). */
  readonly includeRevoked?: boolean;
}

const NEWEST_FIRST: SortOrder = {
  name: 'created',
  column: 'api_tokens.created_at',
  idColumn: 'api_tokens.id',
  direction: 'desc',
};

function toApiToken(row: Selectable<ApiTokenTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    tokenHash: row.token_hash,
    ogId: row.og_id,
    role: row.role as AdminRole,
    createdBy: orUndefined(row.created_by),
    createdAt: fromMillis(row.created_at),
    lastUsedAt: fromOptionalMillis(row.last_used_at),
    revokedAt: fromOptionalMillis(row.revoked_at),
  };
}

/** API tokens for automation (CI pipelines); a token acts within its OG's subtree. */
export class TokenRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Creates a token for an OG in scope. */
  async create(scope: Scope, input: NewApiToken): Promise<ApiToken | undefined> {
    if (!(await ogInScope(this.db, scope, input.ogId))) {
      return undefined;
    }
    const row = await translateConstraints('API token', () =>
      this.db
        .insertInto('api_tokens')
        .values({
          name: input.name,
          token_hash: input.tokenHash,
          og_id: input.ogId,
          role: input.role,
          created_by: orNull(input.createdBy),
          created_at: this.clock().getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return toApiToken(row);
  }

  /**
   * The unrevoked token with this hash. Unscoped because it is how an API request learns its
   * scope (the token's OG).
   */
  async findActiveByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row === undefined ? undefined : toApiToken(row);
  }

  /** Notes that an authenticated request used the token. */
  async recordUse(id: number, at: Date): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: toMillis(at) }).where('id', '=', id).execute();
  }

  async get(scope: Scope, id: number): Promise<ApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(scope, 'api_tokens.og_id'))
      .executeTakeFirst();
    return row === undefined ? undefined : toApiToken(row);
  }

  /** Tokens of OGs in scope, newest first. */
  async list(scope: Scope, filter: ApiTokenFilter = {}, page: PageRequest = {}): Promise<Page<ApiToken>> {
    let query = this.db.selectFrom('api_tokens').selectAll().where(inScope(scope, 'api_tokens.og_id'));
    if (filter.includeRevoked !== true) {
      query = query.where('revoked_at', 'is', null);
    }
    const rows = await paginate(query, NEWEST_FIRST, page).execute();
    return toPage(rows, NEWEST_FIRST, page, (row) => [row.created_at, row.id], toApiToken);
  }

  /** Revokes a token in scope; revoking twice keeps the first time. */
  async revoke(scope: Scope, id: number, at: Date): Promise<ApiToken | undefined> {
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: toMillis(at) })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where(inScope(scope, 'api_tokens.og_id'))
      .execute();
    return this.get(scope, id);
  }
}
