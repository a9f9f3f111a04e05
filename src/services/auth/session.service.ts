import type { Admin, ConsoleSession } from '../../domain/model.js';
import { ApiError } from '../../http/errors.js';
import type { Database } from '../../store/database.js';
import type { AuditedChange, AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from './actor.js';
import type { Clock } from './clock.js';
import type { LoginLimiter } from './login-limiter.js';
import { hashPassword, verifyPassword } from './password.js';
import { hashSecret, randomSecret } from './secrets.js';

/** How long a console login lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A new console session: the secrets go to the browser once and are stored only hashed. */
export interface LoginResult {
  readonly admin: Admin;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface SessionServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly audit: AuditTrail;
  readonly clock: Clock;
  readonly limiter: LoginLimiter;
}

function invalidCredentials(): ApiError {
  return new ApiError('unauthenticated', 'wrong username or password', { code: 'auth.invalid_credentials' });
}

/** Console logins and logouts. */
export class SessionService {
  /** A hash no password matches, checked for unknown usernames so they take as long as known ones. */
  private readonly decoyHash = hashPassword(randomSecret());

  constructor(private readonly deps: SessionServiceDeps) {}

  /**
   * Checks a username and password and opens a session. Every failure (unknown user, wrong
   * password, disabled admin) answers the same, after the same scrypt work, and counts against
   * the client address.
   */
  async login(username: string, password: string, remoteAddress: string): Promise<LoginResult> {
    this.refuseIfThrottled(remoteAddress);
    const admin = await this.checkPassword(username, password);
    if (admin === undefined) {
      this.deps.limiter.recordFailure(remoteAddress);
      throw invalidCredentials();
    }
    this.deps.limiter.recordSuccess(remoteAddress);
    return this.openSession(admin, remoteAddress);
  }

  /** Ends the caller's console session. */
  async logout(caller: Caller, session: ConsoleSession): Promise<void> {
    await this.deps.database.transaction(async (repositories) => {
      if (await repositories.sessions.delete(session.idHash)) {
        await this.deps.audit.record(repositories, caller, auditOfSession('auth.logout', caller.actor.id, caller.actor.homeOg));
      }
    });
  }

  /**
   * Changes the caller's own password after checking the current one, and ends all of the
   * admin's sessions, this one included: every browser must log in again.
   */
  async changeOwnPassword(caller: Caller, currentPassword: string, newPassword: string): Promise<void> {
    if (caller.actor.kind !== 'admin') {
      throw new ApiError('forbidden', 'API tokens have no password', { code: 'auth.admin_only' });
    }
    this.refuseIfThrottled(caller.remoteAddress);
    if ((await this.checkPassword(caller.actor.name, currentPassword))?.id !== caller.actor.id) {
      this.deps.limiter.recordFailure(caller.remoteAddress);
      throw new ApiError('forbidden', 'the current password is wrong', { code: 'auth.wrong_password' });
    }
    const passwordHash = await hashPassword(newPassword);
    await this.deps.database.transaction(async (repositories) => {
      await repositories.admins.update(caller.actor.scope, caller.actor.id, { passwordHash });
      await repositories.sessions.deleteForAdmin(caller.actor.id);
      await this.deps.audit.record(repositories, caller, {
        action: 'admin.change_password',
        objectType: 'admin',
        objectId: caller.actor.id,
        ogId: caller.actor.homeOg,
      });
    });
  }

  private refuseIfThrottled(remoteAddress: string): void {
    const retryAfter = this.deps.limiter.retryAfterSeconds(remoteAddress);
    if (retryAfter > 0) {
      throw new ApiError('rate_limited', 'too many failed logins from this address; try again later', {
        headers: { 'retry-after': String(retryAfter) },
      });
    }
  }

  /** The enabled admin with this username and password, or undefined. */
  private async checkPassword(username: string, password: string): Promise<Admin | undefined> {
    const credentials = await this.deps.database.repositories.admins.findForLogin(username);
    const matches = await verifyPassword(password, credentials?.passwordHash ?? (await this.decoyHash));
    return matches && credentials !== undefined && !credentials.admin.disabled ? credentials.admin : undefined;
  }

  private async openSession(admin: Admin, remoteAddress: string): Promise<LoginResult> {
    const sessionId = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = new Date(this.deps.clock.now().getTime() + SESSION_TTL_MS);
    await this.deps.database.transaction(async (repositories) => {
      const session = { idHash: hashSecret(sessionId), adminId: admin.id, csrfTokenHash: hashSecret(csrfToken), expiresAt };
      // Logins are rare enough to sweep expired sessions as they happen, with no scheduler.
      await repositories.sessions.deleteExpired(this.deps.clock.now());
      await repositories.sessions.create(session);
      const source = { actor: { kind: 'admin', id: admin.id }, remoteAddress } as const;
      await this.deps.audit.recordAs(repositories, source, auditOfSession('auth.login', admin.id, admin.homeOgId));
    });
    return { admin, sessionId, csrfToken, expiresAt };
  }
}

function auditOfSession(action: string, adminId: number, ogId: number): AuditedChange {
  return { action, objectType: 'admin', objectId: adminId, ogId };
}
