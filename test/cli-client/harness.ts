import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadServerConfig } from '../../src/config/load-server-config.js';
import type { ServerFlags } from '../../src/config/options.js';
import type { AdminRole } from '../../src/domain/model.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { unique } from '../http/fixtures.js';

const ADMIN_PASSWORD = 'cli-test-admin-password';

/** A listening Provisio server for the CLI to talk to, with a console session to set it up. */
export interface CliTestServer {
  readonly url: string;
  /** A folder for the test's files, removed with the server. */
  readonly workDir: string;
  /** A new API token with `role`, acting in `ogId` (Global by default), made through the API. */
  createToken(role: AdminRole, ogId?: number): Promise<string>;
  /** A new organization group below `parentId` (Global by default), made through the API. */
  createOg(name: string, parentId?: number): Promise<number>;
}

/**
 * Starts a real server for the file (SQLite in a temporary data folder, listening on a free
 * port of 127.0.0.1) that trusts the test PKI's root, as a test lab configures it with
 * `--trust-anchors`. Returns an accessor valid inside tests and hooks.
 */
export function useCliServer(flags: ServerFlags = {}): () => CliTestServer {
  let server: RunningServer | undefined;
  let context: CliTestServer | undefined;
  let workDir = '';
  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'provisio-cli-client-'));
    const anchors = path.join(workDir, 'test-root.pem');
    writeFileSync(anchors, testPki().root.pem);
    const settings = { dataDir: path.join(workDir, 'data'), host: '127.0.0.1', port: '0', logLevel: 'silent', trustAnchors: anchors, ...flags };
    server = await startServer(loadServerConfig(settings, { PROVISIO_ADMIN_PASSWORD: ADMIN_PASSWORD }), { print: () => undefined });
    context = await consoleContext(server.url, workDir);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(workDir, { recursive: true, force: true });
  });
  return () => {
    if (context === undefined) throw new Error('the server is only available inside tests and hooks');
    return context;
  };
}

async function consoleContext(url: string, workDir: string): Promise<CliTestServer> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const post = async <T>(route: string, body: object): Promise<T> => {
    const response = await fetch(`${url}/api/v1/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as T;
  };
  return {
    url,
    workDir,
    createToken: async (role, ogId) => (await post<{ secret: string }>('tokens', { name: unique('ci'), role, ogId })).secret,
    createOg: async (name, parentId = 1) => (await post<{ id: number }>('ogs', { parentId, name })).id,
  };
}

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Connection settings in the environment, as a CI job sets them; absent ones are unset. */
export interface CliEnvironment {
  readonly PROVISIO_SERVER?: string;
  readonly PROVISIO_TOKEN?: string;
}

/**
 * Runs `provisio ARGS` in-process with `environment` as the only connection variables, and
 * checks that no secret in `secrets` (or the environment's token) was printed.
 */
export async function runCli(args: readonly string[], environment: CliEnvironment = {}, secrets: readonly string[] = []): Promise<CliRun> {
  vi.stubEnv('PROVISIO_SERVER', environment.PROVISIO_SERVER);
  vi.stubEnv('PROVISIO_TOKEN', environment.PROVISIO_TOKEN);
  try {
    const io = bufferIo();
    const code = await main(args, io);
    const run = { code, out: io.out(), err: io.err() };
    for (const secret of [...secrets, environment.PROVISIO_TOKEN ?? '']) {
      if (secret !== '') expect(run.out + run.err).not.toContain(secret);
    }
    return run;
  } finally {
    vi.unstubAllEnvs();
  }
}

/** `runCli` with `--server URL --token TOKEN` appended. */
export function runClient(server: CliTestServer, token: string, ...args: string[]): Promise<CliRun> {
  return runCli([...args, '--server', server.url, '--token', token], {}, [token]);
}
