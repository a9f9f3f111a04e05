import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerConfig } from '../../config/server-config.js';
import type { BlobStore } from '../../io/blob-store.js';
import type { Clock } from '../../services/auth/clock.js';
import { createCatalogServices, loadProfileTrust } from '../../services/catalog/index.js';
import type { Database } from '../../store/database.js';
import { appRoutes } from './app.routes.js';
import { deviceRoutes } from './device.routes.js';
import { profileRoutes } from './profile.routes.js';

/** What the catalog routes are built from; `AppDeps` provides all of it. */
export interface CatalogRouteDeps {
  readonly config: Pick<ServerConfig, 'dataDir' | 'uploadLimits' | 'trust'>;
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
}

/**
 * Apps, profiles and devices. Loads the profile trust anchors (the data folder's trust store and
 * the configured PEM anchors) once, and streams uploads to `<dataDir>/uploads`, on the blob
 * store's disk, so storing an accepted .ipa is a local copy.
 */
export function catalogRoutes(deps: CatalogRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const trust = await loadProfileTrust(deps.config.dataDir, deps.config.trust);
    const catalog = createCatalogServices({ database: deps.database, blobs: deps.blobs, clock: deps.clock, trust });
    const upload = { tempDir: join(deps.config.dataDir, 'uploads'), limits: deps.config.uploadLimits };
    await app.register(appRoutes({ uploads: catalog.appUploads, apps: catalog.apps }, upload));
    await app.register(profileRoutes({ uploads: catalog.profileUploads, profiles: catalog.profiles }, upload));
    await app.register(deviceRoutes(catalog.devices));
  };
}
