import { timingSafeEqual } from 'node:crypto';
import type { Admin, ApiToken, ConsoleSession } from '../../domain/model.js';
import type { Repositories } from '../../store/repositories.js';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';
import { hashSecret, looksLikeApiToken } from './secrets.js';

/** A token's last use is written at most this often, so busy CI jobs do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** A console session and the actor behind it. */
export interface SessionAuthentication {
  readonly actor: Actor;
  readonly session: ConsoleSession;
}

type AuthRepositories = Pick<Repositories, 'admins' | 'ogs' | 'sessions' | 'tokens'>;

/**
 * Turns the credentials a request presents (a bearer token, or a session cookie) into an actor.
 * Answers `undefined` for anything unknown, revoked, expired or disabled: the caller replies 401
 * without saying which.
 */
export class Authenticator {
  constructor(
    private readonly repositories: AuthRepositories,
    private readonly clock: Clock,
  ) {}

  async fromBearer(token: string): Promise<Actor | undefined> {
    if (!looksLikeApiToken(token)) return undefined;
    const found = await this.repositories.tokens.findActiveByHash(hashSecret(token));
    if (found === undefined) return undefined;
    await this.noteUse(found);
    return this.actorOf('token', found.id, found.name, found.role, found.ogId);
  }

  async fromSession(sessionId: string): Promise<SessionAuthentication | undefined> {
    const session = await this.repositories.sessions.findActive(hashSecret(sessionId), this.clock.now());
    if (session === undefined) return undefined;
    const admin = await this.enabledAdmin(session.adminId);
    if (admin === undefined) return undefined;
    const actor = await this.actorOf('admin', admin.id, admin.username, admin.role, admin.homeOgId);
    return actor === undefined ? undefined : { actor, session };
  }

  /** Sessions are found through a secret, so the admin is looked up across all OGs. */
  private async enabledAdmin(id: number): Promise<Admin | undefined> {
    const admin = await this.repositories.admins.get(await this.repositories.ogs.rootScope(), id);
    return admin === undefined || admin.disabled ? undefined : admin;
  }

  private async actorOf(kind: Actor['kind'], id: number, name: string, role: Actor['role'], homeOg: number) {
    const scope = await this.repositories.ogs.scopeFor(homeOg);
    return scope === undefined ? undefined : { kind, id, name, role, homeOg, scope };
  }

  private async noteUse(token: ApiToken): Promise<void> {
    const now = this.clock.now();
    if (token.lastUsedAt === undefined || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.repositories.tokens.recordUse(token.id, now);
    }
  }
}

/** True when `csrfToken` is the one issued with the session, compared in constant time. */
export function csrfTokenMatches(session: ConsoleSession, csrfToken: string | undefined): boolean {
  if (csrfToken === undefined || csrfToken === '') return false;
  const presented = Buffer.from(hashSecret(csrfToken), 'hex');
  const expected = Buffer.from(session.csrfTokenHash, 'hex');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
