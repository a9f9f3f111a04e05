import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SessionService } from '../../services/auth/session.service.js';
import { callerOf } from '../auth.js';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.js';
import { loginBody, loginResponse, meResponse, passwordChangeBody, presentActor, presentLogin } from './auth.dto.js';

const tags = ['Authentication'];

export interface AuthRouteOptions {
  readonly sessions: SessionService;
  /** Mark the session cookie Secure (the server is reached over HTTPS). */
  readonly secureCookies: boolean;
}

/** Console login, logout, the current actor, and changing one's own password. */
export function authRoutes({ sessions, secureCookies }: AuthRouteOptions): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.post(
      '/auth/login',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Log in to the console: sets the session cookie',
          body: loginBody,
          response: { 200: loginResponse },
        },
      },
      async (request, reply) => {
        const login = await sessions.login(request.body.username, request.body.password, request.ip);
        setSessionCookie(reply, login.sessionId, login.expiresAt, secureFor(request, secureCookies));
        return presentLogin(login);
      },
    );
    app.post(
      '/auth/logout',
      {
        config: { permission: 'authenticated' },
        schema: { tags, summary: 'End the console session', response: { 204: z.undefined() } },
      },
      async (request, reply) => {
        if (request.consoleSession !== null) await sessions.logout(callerOf(request), request.consoleSession);
        clearSessionCookie(reply, secureFor(request, secureCookies));
        return reply.code(204).send();
      },
    );
    app.get(
      '/auth/me',
      { config: { permission: 'authenticated' }, schema: { tags, summary: 'Who the caller is', response: { 200: meResponse } } },
      (request) => presentActor(callerOf(request).actor),
    );
    app.post(
      '/auth/password',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: "Change one's own password; ends every session of the admin",
          body: passwordChangeBody,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await sessions.changeOwnPassword(callerOf(request), request.body.currentPassword, request.body.newPassword);
        clearSessionCookie(reply, secureFor(request, secureCookies));
        return reply.code(204).send();
      },
    );
    done();
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether the session cookie is marked Secure: when the server is published over https, except
 * for a plain-http request to a loopback address (a browser on the server itself, as in demo
 * mode), where some browsers would drop a Secure cookie and no network can see it anyway.
 */
function secureFor(request: FastifyRequest, publishedOverHttps: boolean): boolean {
  return publishedOverHttps && !(request.protocol === 'http' && LOOPBACK_HOSTS.has(request.hostname));
}
