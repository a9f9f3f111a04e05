import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Actor, Caller } from '../services/auth/actor.js';
import { csrfTokenMatches, type Authenticator } from '../services/auth/authenticator.js';
import { roleAllows } from '../services/auth/permissions.js';
import { ApiError } from './errors.js';
import { API_PREFIX, type RoutePermission } from './route-access.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer\s+(\S+)$/i;

function unauthenticated(message: string): ApiError {
  return new ApiError('unauthenticated', message, { headers: { 'www-authenticate': 'Bearer realm="provisio"' } });
}

/**
 * Authentication and authorization for every route, in one place: routes declare a
 * `config.permission`, and one onRequest hook resolves the actor, checks CSRF for cookie
 * sessions, and checks the role. Handlers never check permissions themselves.
 */
export function registerAccessControl(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('consoleSession', null);
  app.addHook('onRoute', requirePermissionDeclared);
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission ?? 'public';
    if (permission === 'public') return;
    const actor = await authenticate(request, authenticator);
    if (!permits(actor, permission)) {
      throw new ApiError('forbidden', `the ${actor.role} role does not allow this`, { code: 'auth.insufficient_role' });
    }
  });
}

function requirePermissionDeclared(route: RouteOptions): void {
  if (route.url.startsWith(`${API_PREFIX}/`) && route.config?.permission === undefined) {
    throw new Error(`route ${route.method.toString()} ${route.url} declares no permission`);
  }
}

function permits(actor: Actor, permission: Exclude<RoutePermission, 'public'>): boolean {
  return permission === 'authenticated' || roleAllows(actor.role, permission);
}

/** A bearer token wins over the cookie: scripts send one, browsers the other. */
async function authenticate(request: FastifyRequest, authenticator: Authenticator): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    const actor = token === undefined ? undefined : await authenticator.fromBearer(token);
    if (actor === undefined) throw unauthenticated('the API token is not valid');
    request.actor = actor;
    return actor;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  const found = sessionId === undefined ? undefined : await authenticator.fromSession(sessionId);
  if (found === undefined) throw unauthenticated('log in or present an API token');
  if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(found.session, csrfHeader(request))) {
    throw new ApiError('forbidden', `missing or wrong ${CSRF_HEADER} header`, { code: 'auth.csrf_failed' });
  }
  request.actor = found.actor;
  request.consoleSession = found.session;
  return found.actor;
}

function csrfHeader(request: FastifyRequest): string | undefined {
  const value = request.headers[CSRF_HEADER];
  return Array.isArray(value) ? undefined : value;
}

/** The caller of an authenticated route; the access hook has made sure there is one. */
export function callerOf(request: FastifyRequest): Caller {
  if (request.actor === null) throw unauthenticated('log in or present an API token');
  return { actor: request.actor, remoteAddress: request.ip };
}
