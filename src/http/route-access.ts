import type { ConsoleSession } from '../domain/model.js';
import type { Actor } from '../services/auth/actor.js';
import type { Permission } from '../services/auth/permissions.js';

/** The prefix of the versioned REST API; every route under it declares a permission. */
export const API_PREFIX = '/api/v1';

/**
 * What a route demands, declared in its `config.permission`:
 * - `public`: anyone (login, health checks, API documentation);
 * - `authenticated`: any admin or token, whatever its role (logout, who am I, own password);
 * - a permission such as `apps:write`, checked against the actor's role.
 * Every route under /api/v1 must declare one; the app refuses to start otherwise.
 */
export type RoutePermission = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }

  interface FastifyRequest {
    /** The authenticated actor; null on public routes. */
    actor: Actor | null;
    /** The console session, when the request authenticated with the session cookie. */
    consoleSession: ConsoleSession | null;
  }
}
