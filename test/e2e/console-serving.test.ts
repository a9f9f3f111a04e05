import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../console/src/routing/routes.js';
import { consoleRoutes } from '../../src/http/console.js';
import { registerErrorHandling } from '../../src/http/error-handler.js';
import { forEachApp } from '../http/harness.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body></body></html>';

/** A server with only the console routes (and the one error shape) over `distDir`. */
async function consoleServer(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandling(app);
  await app.register(consoleRoutes({ distDir }));
  await app.ready();
  return app;
}

/** Every console address, one per page, as the console itself builds them. */
const CONSOLE_ADDRESSES = [
  paths.dashboard(),
  paths.apps(),
  `${paths.apps()}?sort=expiry&expiringWithin=30`,
  paths.upload(),
  paths.app(12),
  paths.app(12, 'files'),
  paths.profiles(),
  paths.profile(3),
  paths.replaceOlderVersions(3),
  paths.devices(),
  paths.device(4),
  paths.audit(),
];

describe('serving the built console', () => {
  let distDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    distDir = mkdtempSync(path.join(tmpdir(), 'provisio-console-'));
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(path.join(distDir, 'index.html'), INDEX);
    writeFileSync(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log("console");');
    app = await consoleServer(distDir);
  });

  afterAll(async () => {
    await app.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it.each(CONSOLE_ADDRESSES)('answers %s with index.html, never cached, under a strict content policy', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('serves hashed assets with a year of immutable caching', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("console");');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset, a path outside the assets and an unknown address with the JSON 404', async () => {
    for (const url of ['/assets/index-gone.js', '/assets/../index.html', '/wp-login.php', '/api/v1/no-such-route']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code, url).toBe('not_found');
    }
  });
});

describe('serving a console that was never built', () => {
  let distDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    distDir = path.join(mkdtempSync(path.join(tmpdir(), 'provisio-console-')), 'dist');
    app = await consoleServer(distDir);
  });

  afterAll(async () => {
    await app.close();
    rmSync(path.dirname(distDir), { recursive: true, force: true });
  });

  it('answers the console addresses with a 503 page saying to run npm run build', async () => {
    for (const url of [paths.dashboard(), paths.app(1, 'files')]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('npm run build');
    }
  });

  it('picks the build up without a restart once it exists', async () => {
    mkdirSync(distDir, { recursive: true });
    writeFileSync(path.join(distDir, 'index.html'), INDEX);
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
  });
});

forEachApp((context) => {
  it('serves the console at / beside the API', async () => {
    const response = await context.app().inject({ method: 'GET', url: '/' });
    // 200 once `npm run build` has run, 503 before: either way the console's page, not a 404.
    expect([200, 503]).toContain(response.statusCode);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const api = await context.app().inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(api.statusCode).toBe(401);
    expect(api.headers['content-type']).toMatch(/application\/json/);
  });
});
