import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { EmailSender } from '../alerts/email-sender.js';
import type { ServerConfig } from '../config/server-config.js';
import { HttpMetrics } from '../observability/http-metrics.js';
import { loggerOptions, type LogDestination } from '../observability/logging.js';
import { registerProcessMetrics } from '../observability/process-metrics.js';
import { MetricsRegistry } from '../observability/prometheus/registry.js';
import { checkReadiness } from '../observability/readiness.js';
import type { Clock } from '../services/auth/clock.js';
import type { BlobStore } from '../io/blob-store.js';
import type { PushSender } from '../mdm/apns/index.js';
import type { Database } from '../store/database.js';
import { registerAccessControl } from './auth.js';
import { consoleRoutes } from './console.js';
import { registerConnectionDraining } from './draining.js';
import { registerErrorHandling } from './error-handler.js';
import { registerHttpMetrics } from './metrics-hook.js';
import { registerOpenApi } from './openapi.js';
import { registerApiResponseHeaders } from './response-headers.js';
import { adminRoutes } from './routes/admin.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { catalogRoutes } from './routes/catalog.routes.js';
import { expiringRoutes } from './routes/expiring.routes.js';
import { lifecycleRoutes } from './routes/lifecycle.routes.js';
import { mdmRoutes } from './routes/mdm.routes.js';
import { ogRoutes } from './routes/og.routes.js';
import { opsRoutes } from './routes/ops.routes.js';
import { tokenRoutes } from './routes/token.routes.js';
import { API_PREFIX } from './route-access.js';
import { createServices } from './services.js';

/** Everything the HTTP app uses, passed in: no globals, so tests build as many apps as they like. */
export interface AppDeps {
  readonly config: ServerConfig;
  readonly database: Database;
  /** Uploaded IPAs and signed profiles; used by the upload routes. */
  readonly blobs: BlobStore;
  readonly clock: Clock;
  /** Where JSON log lines go; stdout when absent. */
  readonly logDestination?: LogDestination;
  /** Shown in the OpenAPI document. */
  readonly version?: string;
  /** MDM pushes; an APNs client from the settings when absent (tests pass a recorder). */
  readonly pushSender?: PushSender;
  /** Alert email for scans run through the API; absent when no SMTP server is configured. */
  readonly email?: EmailSender;
}

/**
 * Builds the Fastify app: zod validation and serialization, one error shape, access control by
 * route permission, OpenAPI, metrics, and one plugin per resource. It does not listen; callers
 * `inject` requests or `listen`. The database stays the caller's to close.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions({ level: deps.config.logLevel, destination: deps.logDestination }),
    trustProxy: deps.config.trustProxy,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerConnectionDraining(app);
  registerApiResponseHeaders(app);
  await app.register(fastifyCookie);
  await registerOpenApi(app, deps.version ?? '0.0.0');
  const services = createServices(deps.database, deps.clock);
  registerAccessControl(app, services.authenticator);
  const metrics = new MetricsRegistry();
  registerHttpMetrics(app, new HttpMetrics(metrics));
  registerProcessMetrics(metrics);
  await app.register(opsRoutes({ readiness: () => checkReadiness(deps.database), metrics }));
  const secureCookies = deps.config.publicBaseUrl.startsWith('https:');
  await app.register(
    async (api) => {
      await api.register(authRoutes({ sessions: services.sessions, secureCookies }));
      await api.register(ogRoutes(services.ogs));
      await api.register(adminRoutes(services.admins));
      await api.register(tokenRoutes(services.tokens));
      await api.register(auditRoutes(services.audit));
      await api.register(catalogRoutes(deps));
      await api.register(lifecycleRoutes(deps));
      await api.register(expiringRoutes(deps));
    },
    { prefix: API_PREFIX },
  );
  await app.register(mdmRoutes(deps));
  await app.register(consoleRoutes());
  return app;
}
