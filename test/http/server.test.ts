import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import { openDatabase } from '../../src/store/database.js';
import { testClock, testConfig } from './harness.js';

describe('startServer over a real socket', () => {
  let dataDir: string;
  let server: RunningServer;
  const printed: string[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-server-'));
    const config = testConfig(dataDir, { host: '127.0.0.1', port: '0' });
    server = await startServer(config, {
      print: (text) => void printed.push(text),
      logDestination: { write: (line) => void logs.push(line) },
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens, answers probes and creates its SQLite database in the data folder', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('prints the first admin’s generated password once, logs it never, and it logs in', async () => {
    const password = /password: (\S+)/.exec(printed.join(''))?.[1] ?? '';
    expect(password).not.toBe('');
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^provisio_session=.+HttpOnly; SameSite=Strict/);
    expect(logs.join('')).not.toContain(password);
  });

  it('keeps the same admin on the next start and stops listening on close', async () => {
    const url = server.url;
    await server.close();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    const before = printed.length;
    server = await startServer(testConfig(dataDir, { host: '127.0.0.1', port: '0', logLevel: 'silent' }), {
      print: (text) => void printed.push(text),
    });
    expect(printed.length).toBe(before);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refusing new connections meanwhile', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-shutdown-'));
    const database = await openDatabase(`sqlite:${path.join(dataDir, 'provisio.db')}`);
    const app = await buildApp({
      config: testConfig(dataDir, { logLevel: 'silent' }),
      database,
      blobs: new FileBlobStore(dataDir),
      clock: testClock(),
    });
    let entered: () => void = () => undefined;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    app.get('/test/slow', async () => {
      entered();
      await released;
      return { finished: true };
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const inFlight = fetch(`${url}/test/slow`);
      await handlerEntered;
      const closing = app.close();
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      release();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ finished: true });
      await closing;
    } finally {
      release();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
