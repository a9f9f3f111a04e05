import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from './route-access.js';

/**
 * API answers carry sessions, CSRF tokens and token secrets: no cache may keep them, and
 * browsers must not guess their content type.
 */
export function registerApiResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith(`${API_PREFIX}/`)) {
      reply.header('cache-control', 'no-store');
      reply.header('x-content-type-options', 'nosniff');
    }
    done(null, payload);
  });
}
