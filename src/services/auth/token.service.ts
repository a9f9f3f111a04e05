import type { AdminRole, ApiToken } from '../../domain/model.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { Database } from '../../store/database.js';
import type { Page, PageRequest } from '../../store/pagination.js';
import type { ApiTokenFilter } from '../../store/token.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from './actor.js';
import type { Clock } from './clock.js';
import { requireRoleWithin } from './permissions.js';
import { hashSecret, newApiToken } from './secrets.js';

export interface NewTokenRequest {
  readonly name: string;
  readonly role: AdminRole;
  /** The OG the token acts in; the creator's home OG when absent. */
  readonly ogId?: number;
}

/** A token just made: `secret` is shown this once and never stored. */
export interface CreatedToken {
  readonly token: ApiToken;
  readonly secret: string;
}

export interface TokenServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly audit: AuditTrail;
  readonly clock: Clock;
}

/**
 * API tokens for automation. A token never exceeds its creator: its role is at most the
 * creator's and its OG lies in the creator's scope. Only admins mint tokens, so a leaked token
 * cannot be used to make more.
 */
export class TokenService {
  constructor(private readonly deps: TokenServiceDeps) {}

  async create(caller: Caller, request: NewTokenRequest): Promise<CreatedToken> {
    if (caller.actor.kind !== 'admin') {
      throw new ApiError('forbidden', 'only admins can create API tokens', { code: 'auth.admin_only' });
    }
    requireRoleWithin(request.role, caller.actor);
    const secret = newApiToken();
    const ogId = request.ogId ?? caller.actor.homeOg;
    const token = await this.deps.database.transaction(async (repositories) => {
      const input = { name: request.name, role: request.role, ogId, tokenHash: hashSecret(secret), createdBy: caller.actor.id };
      const created = await repositories.tokens.create(caller.actor.scope, input);
      if (created === undefined) throw notFound('organization group');
      const details = { name: created.name, role: created.role };
      await this.deps.audit.record(repositories, caller, tokenChange('token.create', created, details));
      return created;
    });
    return { token, secret };
  }

  list(caller: Caller, filter: ApiTokenFilter, page: PageRequest): Promise<Page<ApiToken>> {
    return this.deps.database.repositories.tokens.list(caller.actor.scope, filter, page);
  }

  async get(caller: Caller, id: number): Promise<ApiToken> {
    const token = await this.deps.database.repositories.tokens.get(caller.actor.scope, id);
    if (token === undefined) throw notFound('API token');
    return token;
  }

  /** Revokes a token; revoking a revoked token changes nothing. */
  async revoke(caller: Caller, id: number): Promise<ApiToken> {
    return this.deps.database.transaction(async (repositories) => {
      const token = await repositories.tokens.get(caller.actor.scope, id);
      if (token === undefined) throw notFound('API token');
      requireRoleWithin(token.role, caller.actor);
      if (token.revokedAt !== undefined) return token;
      const revoked = await repositories.tokens.revoke(caller.actor.scope, id, this.deps.clock.now());
      if (revoked === undefined) throw notFound('API token');
      await this.deps.audit.record(repositories, caller, tokenChange('token.revoke', revoked));
      return revoked;
    });
  }
}

function tokenChange(action: string, token: ApiToken, details?: { name: string; role: string }) {
  return { action, objectType: 'api_token', objectId: token.id, ogId: token.ogId, details };
}
