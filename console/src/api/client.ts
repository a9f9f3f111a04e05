import { ApiFailure } from './api-failure';
import { readCsrfToken } from './csrf-token';

/** Where the public API lives, on the same origin as the console. */
export const API_BASE = '/api/v1';

/** Query parameters; undefined and empty values are left out. */
export type Query = Readonly<Record<string, string | number | undefined>>;

type UnsafeMethod = 'POST' | 'PATCH' | 'DELETE';

const unauthenticatedListeners = new Set<() => void>();

/** Calls `listener` whenever the API says the session is gone (401); returns the unsubscribe. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** `/api/v1` + `path` + the non-empty query parameters. */
export function apiUrl(path: string, query: Query = {}): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') parameters.set(name, String(value));
  }
  const search = parameters.toString();
  return `${API_BASE}${path}${search === '' ? '' : `?${search}`}`;
}

/** Headers of an unsafe request: the CSRF token the session demands. */
export function csrfHeaders(): Record<string, string> {
  const token = readCsrfToken();
  return token === null ? {} : { 'X-CSRF-Token': token };
}

/** GETs JSON from the API. */
export function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return request<T>(apiUrl(path, query), { method: 'GET', signal });
}

/** POSTs, PATCHes or DELETEs, with a JSON body when given; resolves to the JSON answer (undefined on 204). */
export function apiSend<T>(method: UnsafeMethod, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { ...csrfHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return request<T>(apiUrl(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** POSTs with no body, its parameters in the query string (e.g. `?dryRun=true`). */
export function apiPost<T>(path: string, query: Query): Promise<T> {
  return request<T>(apiUrl(path, query), { method: 'POST', headers: csrfHeaders() });
}

/** POSTs a small multipart form (e.g. one profile) with fetch; large uploads with progress use `uploadForm`. */
export function apiSendForm<T>(path: string, query: Query, form: FormData): Promise<T> {
  return request<T>(apiUrl(path, query), { method: 'POST', headers: csrfHeaders(), body: form });
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin', headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted === true) throw error;
    throw ApiFailure.network(error);
  }
  return readAnswer<T>(response.status, await response.text());
}

/** Turns a status and body into the parsed answer, or throws the failure it reports. */
export function readAnswer<T>(status: number, text: string): T {
  if (status >= 200 && status < 300) return (text === '' ? undefined : JSON.parse(text)) as T;
  const failure = ApiFailure.fromResponse(status, text);
  if (status === 401) for (const listener of unauthenticatedListeners) listener();
  throw failure;
}
