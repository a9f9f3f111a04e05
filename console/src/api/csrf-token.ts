const STORAGE_KEY = 'provisio.csrf';

/*
 * The CSRF token comes only with the login answer, yet the session cookie outlives a reload and
 * is shared by every tab: keeping the token in localStorage lets all of them send it.
 */

/** The token when storage is disabled: it then lives until the next reload only. */
let unstoredToken: string | null = null;

export function readCsrfToken(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return unstoredToken;
  }
}

export function storeCsrfToken(token: string | null): void {
  try {
    if (token === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, token);
  } catch {
    unstoredToken = token;
  }
}
