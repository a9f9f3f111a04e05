import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { API_PREFIX } from './route-access.js';
import { errorBodySchema } from './schemas.js';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** Every authenticated route accepts either a console session (with CSRF) or a bearer token. */
const SECURITY = [{ session: [] }, { bearer: [] }];

/**
 * Generates the OpenAPI 3.1 document from the routes' zod schemas, serves it at
 * /api/openapi.json, and a browsable reference (swagger-ui, served from its package) at /api/docs.
 * Register before any route, so every route is documented.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  app.addHook('onRoute', documentRoute);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Provisio API', version, description: 'Keeps in-house iOS apps alive: profiles, apps, renewals.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'provisio_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token, `prv_…`.' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PATH });
  app.get(OPENAPI_PATH, { schema: { hide: true }, config: { permission: 'public' } }, () => app.swagger());
}

const documented = new WeakSet<object>();

/**
 * Adds what every API route has in common to its schema: the error body for 4xx and 5xx
 * answers (which also makes the serializer enforce its shape), and its security and permission.
 */
function documentRoute(route: RouteOptions): void {
  // HEAD routes share their GET route's schema object: document each schema once.
  if (!route.url.startsWith(`${API_PREFIX}/`) || route.schema === undefined || documented.has(route.schema)) return;
  documented.add(route.schema);
  const permission = route.config?.permission ?? 'public';
  const schema = route.schema as Record<string, unknown>;
  schema.response = { ...(schema.response as object), '4xx': errorBodySchema, '5xx': errorBodySchema };
  if (permission === 'public') return;
  schema.security = SECURITY;
  const needs = permission === 'authenticated' ? 'any authenticated caller' : `the \`${permission}\` permission`;
  schema.description = [schema.description, `Requires ${needs}.`].filter(Boolean).join('\n\n');
}
