import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MetricsRegistry } from '../../observability/prometheus/registry.js';
import { PROMETHEUS_CONTENT_TYPE } from '../../observability/prometheus/text-format.js';
import type { Readiness } from '../../observability/readiness.js';
import { ApiError } from '../errors.js';

const tags = ['Operations'];

export interface OpsRouteOptions {
  readonly readiness: () => Promise<Readiness>;
  readonly metrics: MetricsRegistry;
}

/** Probes for orchestrators and the Prometheus scrape endpoint; all public. */
export function opsRoutes({ readiness, metrics }: OpsRouteOptions): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/healthz',
      {
        config: { permission: 'public' },
        schema: { tags, summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Readiness: the database answers and is migrated (503 otherwise)',
          response: { 200: z.object({ status: z.literal('ready') }) },
        },
      },
      async () => {
        const result = await readiness();
        if (!result.ready) throw new ApiError('unavailable', 'not ready', { details: { problems: [...result.problems] } });
        return { status: 'ready' as const };
      },
    );
    app.get(
      '/metrics',
      {
        config: { permission: 'public' },
        schema: { tags, summary: 'Metrics in the Prometheus text format', produces: ['text/plain'] },
      },
      async (_request, reply) => reply.type(PROMETHEUS_CONTENT_TYPE).send(metrics.render()),
    );
    done();
  };
}
