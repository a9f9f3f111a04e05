import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/cli/client/redacting-io.js';
import { writeBuild } from './builds.js';
import { runCli, runClient, useCliServer } from './harness.js';

const server = useCliServer();

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('connection settings', () => {
  it('exits 2 with a clear message when no server is given', async () => {
    const run = await runCli(['apps', 'list', '--token', 'prv_some_token_value']);
    expect(run.err).toBe('provisio apps list: no server given: pass --server URL or set PROVISIO_SERVER\n');
    expect(run.out).toBe('');
    expect(run.code).toBe(2);
  });

  it('exits 2 with a clear message when no token is given', async () => {
    const run = await runCli(['profiles', 'list'], { PROVISIO_SERVER: server().url });
    expect(run.err).toBe('provisio profiles list: no API token given: pass --token TOKEN or set PROVISIO_TOKEN\n');
    expect(run.code).toBe(2);
  });

  it('lets --server and --token win over the environment', async () => {
    const token = await server().createToken('read-only');
    const env = { PROVISIO_SERVER: `http://127.0.0.1:${await closedPort()}`, PROVISIO_TOKEN: 'prv_wrong_token_in_environment' };
    const run = await runCli(['ogs', 'list', '--server', server().url, '--token', token], env, [token]);
    expect(run.out).toMatch(/^ID {2}PATH\n {1}1 {2}Global\n/);
    expect(run.code).toBe(0);
  });

  it('exits 2 when the file to upload is missing, before contacting the server', async () => {
    const run = await runCli(['apps', 'upload', 'missing.ipa', '--og', '1', '--server', 'http://127.0.0.1:9', '--token', 'prv_never_sent_value']);
    expect(run.err).toBe('provisio apps upload: cannot read missing.ipa: no such file\n');
    expect(run.code).toBe(2);
  });

  it('exits 2 when a required option is missing', async () => {
    const run = await runCli(['profiles', 'upload', 'x.mobileprovision', '--server', server().url, '--token', 'prv_never_sent_value']);
    expect(run.err).toContain("required option '--og <og>' not specified");
    expect(run.code).toBe(2);
  });
});

describe('failures', () => {
  it('explains an unreachable server and exits 1', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCli(['apps', 'list'], { PROVISIO_SERVER: url, PROVISIO_TOKEN: 'prv_unreachable_token' });
    expect(run.err).toBe(`provisio apps list: cannot reach the Provisio server at ${url}/: connection refused (is the server running, and on this port?)\n`);
    expect(run.code).toBe(1);
  });

  it('shows the API message and code for a bad token, and exits 1', async () => {
    const badToken = 'prv_this_token_was_never_issued_0123456789';
    const run = await runClient(server(), badToken, 'apps', 'list');
    expect(run.err).toBe('provisio apps list: the API token is not valid [unauthenticated] (HTTP 401) — check --token or PROVISIO_TOKEN\n');
    expect(run.code).toBe(1);
  });

  it('shows the code of a refused upload rule, with every problem listed', async () => {
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { profileType: 'appstore' });
    const run = await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', 'Global');
    const [message, ...details] = run.err.trimEnd().split('\n');
    expect(message).toMatch(/^provisio apps upload: .+ \[profile\.not_enterprise\] \(HTTP 422\)$/);
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((line) => /^ {2}- \[[a-z_.]+\] /.test(line))).toBe(true);
    expect(run.out).toBe('');
    expect(run.code).toBe(1);
  });

  it('shows the code when the role does not allow the change', async () => {
    const token = await server().createToken('read-only');
    const build = await writeBuild(server().workDir);
    const run = await runClient(server(), token, 'profiles', 'upload', build.profilePath, '--og', 'Global');
    expect(run.err).toBe('provisio profiles upload: the read-only role does not allow this [auth.insufficient_role] (HTTP 403)\n');
    expect(run.code).toBe(1);
  });

  it('names groups it cannot find or tell apart', async () => {
    const token = await server().createToken('app-admin');
    const parentA = await server().createOg('Twin A');
    const parentB = await server().createOg('Twin B');
    const storeA = await server().createOg('Store', parentA);
    const storeB = await server().createOg('Store', parentB);
    const build = await writeBuild(server().workDir);

    const ambiguous = await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', 'Store');
    expect(ambiguous.err).toBe(
      'provisio apps upload: "Store" names 2 organization groups; give a path or an id:\n' +
        `  - Global/Twin A/Store (id ${storeA})\n  - Global/Twin B/Store (id ${storeB})\n`,
    );
    expect(ambiguous.code).toBe(1);

    const missing = await runClient(server(), token, 'apps', 'list', '--og', 'Nowhere');
    expect(missing.err).toContain('no organization group "Nowhere" in your scope');
    expect(missing.code).toBe(1);
  });
});

describe('uploads', () => {
  it('are never replayed to where a server redirects them, so the token and file stay put', async () => {
    const tree = { id: 1, parentId: null, name: 'Global', depth: 0, createdAt: '2026-01-01T00:00:00.000Z', children: [] };
    const redirecting = await startStubServer((response, request) => {
      if (request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(tree));
        return;
      }
      response.writeHead(307, { location: 'http://elsewhere.invalid/api/v1/profiles' });
      response.end();
    });
    try {
      const build = await writeBuild(server().workDir);
      const token = 'prv_redirected_token_value';
      const run = await runCli(['profiles', 'upload', build.profilePath, '--og', '1'], { PROVISIO_SERVER: redirecting.url, PROVISIO_TOKEN: token });
      expect(run.err).toContain(`the server at ${redirecting.url}/ redirected the upload elsewhere`);
      expect(run.code).toBe(1);
    } finally {
      await redirecting.close();
    }
  });
});

describe('the token', () => {
  it('never appears in --verbose output, which shows each request and status', async () => {
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir);
    const run = await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', 'Global', '--verbose');
    expect(run.err).toContain(`> GET ${server().url}/api/v1/ogs/tree\n< 200 OK in `);
    expect(run.err).toMatch(new RegExp(`> POST ${server().url}/api/v1/apps \\(multipart, [\\d.]+ kB\\)\\n< 201 Created in \\d+ ms`));
    expect(run.err).not.toContain(token);
    expect(run.out).not.toContain(token);
  });

  it('is hidden even when a server echoes it back in a message', async () => {
    const token = 'prv_echoed_secret_value_123';
    const echo = await startEchoServer(token);
    try {
      const run = await runCli(['apps', 'list', '--verbose'], { PROVISIO_SERVER: echo.url, PROVISIO_TOKEN: token });
      expect(run.err).toContain(`you sent ${REDACTED} [unauthenticated] (HTTP 401)`);
      expect(run.code).toBe(1);
    } finally {
      await echo.close();
    }
  });
});

/** A stand-in server answering every request with `answer`. */
async function startStubServer(answer: (response: ServerResponse, request: IncomingMessage) => void) {
  const http = createHttpServer((request, response) => {
    request.resume();
    answer(response, request);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
}

/** A misbehaving server that puts the bearer token it received into its error message. */
function startEchoServer(token: string) {
  return startStubServer((response, request) => {
    const sent = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 'unauthenticated', message: `you sent ${sent === token ? token : 'something else'}`, details: null } }));
  });
}
