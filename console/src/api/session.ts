import { apiGet, apiSend } from './client';
import { storeCsrfToken } from './csrf-token';
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
