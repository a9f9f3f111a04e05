import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

/** The cookie that carries the console session id. */
export const SESSION_COOKIE = 'provisio_session';
/** The header that must repeat the CSRF token on unsafe requests authenticated by cookie. */
export const CSRF_HEADER = 'x-csrf-token';

/** Sets the session cookie: invisible to scripts, never sent cross-site, HTTPS-only when served so. */
export function setSessionCookie(reply: FastifyReply, sessionId: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}
