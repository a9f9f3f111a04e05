import type { FastifyInstance } from 'fastify';
import type { HttpMetrics } from '../observability/http-metrics.js';

/** Label for requests that matched no route, so scanners cannot create unbounded series. */
const UNMATCHED_ROUTE = 'unmatched';

/** Counts and times every answered request by method, route template and status. */
export function registerHttpMetrics(app: FastifyInstance, metrics: HttpMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.record({
      method: request.method,
      route: request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE),
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });
}
