import type { Database } from '../store/database.js';
import { AuditService } from '../services/audit/audit.service.js';
import { AuditTrail } from '../services/audit/audit-trail.js';
import { AdminService } from '../services/auth/admin.service.js';
import { Authenticator } from '../services/auth/authenticator.js';
import type { Clock } from '../services/auth/clock.js';
import { LoginLimiter } from '../services/auth/login-limiter.js';
import { SessionService } from '../services/auth/session.service.js';
import { TokenService } from '../services/auth/token.service.js';
import { OgService } from '../services/og/og.service.js';

/** The services the routes call, each built with only what it uses. */
export interface AppServices {
  readonly authenticator: Authenticator;
  readonly sessions: SessionService;
  readonly admins: AdminService;
  readonly tokens: TokenService;
  readonly ogs: OgService;
  readonly audit: AuditService;
}

/** Wires the services over one database and clock. */
export function createServices(database: Database, clock: Clock): AppServices {
  const audit = new AuditTrail(clock);
  return {
    authenticator: new Authenticator(database.repositories, clock),
    sessions: new SessionService({ database, clock, audit, limiter: new LoginLimiter(clock) }),
    admins: new AdminService({ database, audit }),
    tokens: new TokenService({ database, clock, audit }),
    ogs: new OgService({ database, audit }),
    audit: new AuditService({ database }),
  };
}
