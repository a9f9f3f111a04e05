import { describe, expect, it } from 'vitest';
import { forEachApp } from './harness.js';

/** Every route of this foundation: the document must list each one. */
const EXPECTED_OPERATIONS = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'GET /api/v1/ogs/tree',
  'GET /api/v1/ogs/{id}',
  'POST /api/v1/ogs',
  'PATCH /api/v1/ogs/{id}',
  'DELETE /api/v1/ogs/{id}',
  'GET /api/v1/admins',
  'GET /api/v1/admins/{id}',
  'POST /api/v1/admins',
  'PATCH /api/v1/admins/{id}',
  'GET /api/v1/tokens',
  'GET /api/v1/tokens/{id}',
  'POST /api/v1/tokens',
  'DELETE /api/v1/tokens/{id}',
  'GET /api/v1/audit',
  'GET /api/v1/apps',
  'POST /api/v1/apps',
  'GET /api/v1/apps/{id}',
  'GET /api/v1/apps/{id}/versions',
  'POST /api/v1/apps/{id}/versions/{versionId}/retire',
  'GET /api/v1/profiles',
  'POST /api/v1/profiles',
  'GET /api/v1/profiles/{id}',
  'DELETE /api/v1/profiles/{id}',
  'GET /api/v1/profiles/{id}/download',
  'GET /api/v1/devices',
  'GET /api/v1/devices/{id}',
];

// The calendar feed's URL token is its credential: calendar apps cannot log in.
const PUBLIC_OPERATIONS = new Set(['GET /healthz', 'GET /readyz', 'GET /metrics', 'POST /api/v1/auth/login', 'GET /api/v1/calendar/{token}']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses?: Record<string, unknown>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

function operationsOf(document: OpenApiDocument): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (METHODS.includes(method)) operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return operations;
}

/** Every `$ref` string anywhere in the document. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [child] : refsIn(child)));
}

forEachApp((context) => {
  async function fetchDocument(): Promise<OpenApiDocument> {
    const response = await context.app().inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    return JSON.parse(response.body) as OpenApiDocument;
  }

  describe('OpenAPI document', () => {
    it('is OpenAPI 3.1 and lists every route', async () => {
      const document = await fetchDocument();
      expect(document.openapi).toBe('3.1.0');
      expect(document.info.title).toBe('Provisio API');
      // Later features add operations; each one listed here must stay documented.
      expect([...operationsOf(document).keys()]).toEqual(expect.arrayContaining(EXPECTED_OPERATIONS));
    });

    it('documents each operation with a summary, tags, responses and, unless public, security', async () => {
      for (const [name, operation] of operationsOf(await fetchDocument())) {
        expect(operation.summary, name).toBeTruthy();
        expect(operation.tags?.length, name).toBeGreaterThan(0);
        expect(Object.keys(operation.responses ?? {}).length, name).toBeGreaterThan(0);
        if (name.includes('/api/v1/')) expect(operation.responses?.['4XX'], name).toBeDefined();
        expect(operation.security !== undefined, name).toBe(!PUBLIC_OPERATIONS.has(name));
      }
    });

    it('resolves every schema reference', async () => {
      const document = await fetchDocument();
      const refs = refsIn(document);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        const name = ref.replace('#/components/schemas/', '');
        expect(document.components.schemas[name], ref).toBeDefined();
      }
    });

    it('describes only routes the server really has', async () => {
      for (const name of operationsOf(await fetchDocument()).keys()) {
        const [method = '', path = ''] = name.split(' ');
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        expect(context.app().hasRoute({ method, url }), name).toBe(true);
      }
    });
  });

  describe('reference page', () => {
    it('serves swagger-ui from the package, with no external scripts', async () => {
      const page = await context.app().inject({ method: 'GET', url: '/api/docs/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('swagger-ui');
      expect(page.body).not.toMatch(/src="https?:/);
      const bundle = await context.app().inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' });
      expect(bundle.statusCode).toBe(200);
      expect(bundle.headers['content-type']).toContain('javascript');
    });
  });
});
