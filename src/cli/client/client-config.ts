import { usageError } from './cli-error.js';
import type { Environment } from './client-environment.js';

/** The variable a CI job sets to the server's URL. */
export const SERVER_ENV = 'PROVISIO_SERVER';
/** The variable a CI job sets to its API token (safer than `--token`, which process lists show). */
export const TOKEN_ENV = 'PROVISIO_TOKEN';

/** What the connection flags gave, as commander parsed them. */
export interface ConnectionFlags {
  readonly server?: string;
  readonly token?: string;
  readonly verbose?: boolean;
}

/** Where the client connects and how it authenticates. */
export interface ClientConfig {
  /** The server's base URL, ending in `/` so API paths resolve below any path prefix. */
  readonly serverUrl: URL;
  /** The bearer token; never printed. */
  readonly token: string;
  readonly verbose: boolean;
}

/**
 * The server and token from `--server` / `--token`, else `PROVISIO_SERVER` / `PROVISIO_TOKEN`.
 * Either missing, or a server that is not an http(s) URL, is a usage error.
 */
export function resolveClientConfig(flags: ConnectionFlags, env: Environment): ClientConfig {
  const server = firstGiven(flags.server, env[SERVER_ENV]);
  if (server === undefined) throw usageError(`no server given: pass --server URL or set ${SERVER_ENV}`);
  const token = firstGiven(flags.token, env[TOKEN_ENV]);
  if (token === undefined) throw usageError(`no API token given: pass --token TOKEN or set ${TOKEN_ENV}`);
  return { serverUrl: parseServerUrl(server), token, verbose: flags.verbose === true };
}

function firstGiven(...values: Array<string | undefined>): string | undefined {
  return values.map((value) => value?.trim()).find((value) => value !== undefined && value !== '');
}

function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`the server "${text}" is not a URL such as https://provisio.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`the server URL must start with http:// or https://, not ${url.protocol}`);
  }
  // A password in the URL would be printed with it; the token is the one credential.
  if (url.username !== '' || url.password !== '') throw usageError('the server URL must not hold credentials; use --token');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}
