import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Where `npm run build` puts the console (`vite build console`), from src/http or dist/http alike. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../console/dist', import.meta.url));

/**
 * The first segment of every console address; each is answered with the console's index.html
 * so deep links and reloads work (the SPA fallback). Other unknown paths stay JSON 404s.
 * Keep in step with `console/src/routing/routes.ts` (a test checks it).
 */
export const CONSOLE_SECTIONS = ['apps', 'profiles', 'devices', 'audit'] as const;

/** Vite names built assets after their content hash, so a cached copy can never be stale. */
const ASSET_MAX_AGE = '365d';

/**
 * The page is code: only our own scripts and styles run, nothing frames it. React sets styles
 * through the DOM, which style-src does not restrict.
 */
const INDEX_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // index.html names the current hashed bundles: browsers must ask again every time.
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
} as const;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Provisio console not built</title></head>
<body>
<h1>The console has not been built</h1>
<p>Run <code>npm run build</code> (or <code>npm ci</code>, which builds it) and reload this page. The API under <code>/api/v1</code> works meanwhile.</p>
<p lang="nl">De console is nog niet gebouwd: voer <code>npm run build</code> uit en laad deze pagina opnieuw.</p>
</body>
</html>
`;

export interface ConsoleOptions {
  /** The built console; {@link DEFAULT_CONSOLE_DIR} unless given (tests use their own). */
  readonly distDir?: string;
}

/**
 * Serves the built web console: hashed assets under /assets/ with a year's immutable caching,
 * and index.html at / and at every console address. Nothing is built at request time; when the
 * build is missing, those addresses answer 503 with a page saying to run `npm run build`.
 */
export function consoleRoutes(options: ConsoleOptions = {}): FastifyPluginAsync {
  const distDir = options.distDir ?? DEFAULT_CONSOLE_DIR;
  return async (app) => {
    await app.register(fastifyStatic, {
      root: path.join(distDir, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      maxAge: ASSET_MAX_AGE,
      immutable: true,
      // A missing build is reported by the 503 page, not by a warning at every start.
      suppressWarning: true,
    });
    const sendIndex = (_request: unknown, reply: FastifyReply) => sendConsolePage(reply, distDir);
    const route = { schema: { hide: true }, config: { permission: 'public' as const } };
    app.get('/', route, sendIndex);
    for (const section of CONSOLE_SECTIONS) {
      app.get(`/${section}`, route, sendIndex);
      app.get(`/${section}/*`, route, sendIndex);
    }
  };
}

/** Reads index.html on each request (it is small), so a rebuild is picked up without a restart. */
async function sendConsolePage(reply: FastifyReply, distDir: string): Promise<FastifyReply> {
  let page: Buffer;
  try {
    page = await readFile(path.join(distDir, 'index.html'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return reply.code(503).headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).send(NOT_BUILT_PAGE);
  }
  return reply.headers(INDEX_HEADERS).send(page);
}
