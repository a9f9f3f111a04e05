import { apiGet, apiSend } from './client';
import { readCsrfToken, storeCsrfToken } from './csrf-token';
import type { Actor, LoginResult } from './types';

/** Logs in with a password; the server sets the session cookie, the CSRF token is kept for later requests. */
export async function logIn(username: string, password: string): Promise<void> {
  const result = await apiSend<LoginResult>('POST', '/auth/login', { username, password });
  storeCsrfToken(result.csrfToken);
}

/** Ends the session on the server, and forgets the CSRF token whatever the answer. */
export async function logOut(): Promise<void> {
  try {
    await apiSend<undefined>('POST', '/auth/logout');
  } finally {
    storeCsrfToken(null);
  }
}

/** Who is logged in; fails with 401 when nobody is. */
export function fetchMe(signal?: AbortSignal): Promise<Actor> {
  return apiGet<Actor>('/auth/me', undefined, signal);
}

/**
 * Whether this browser may hold a session: only after a login here, which stores the CSRF token
 * that logging out (or a refused session) forgets. Without it the console knows nobody is logged
 * in without asking, since the server's 401 would show up as an error in the browser's console;
 * and a session cookie without its token could not change anything anyway.
 */
export function mayHoldSession(): boolean {
  return readCsrfToken() !== null;
}

/** The server ended the session (it expired, or the password changed): its token is of no use any more. */
export function forgetSession(): void {
  storeCsrfToken(null);
}
