import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { BlobStore } from '../../io/blob-store.js';
import { AuditTrail } from '../../services/audit/audit-trail.js';
import type { Clock } from '../../services/auth/clock.js';
import { CleanupService } from '../../services/lifecycle/cleanup.service.js';
import { LineageCleanupService } from '../../services/lifecycle/cleanup-lineage.service.js';
import type { CommandPushes } from '../../services/lifecycle/renewal-apply.service.js';
import type { Database } from '../../store/database.js';
import { callerOf } from '../auth.js';
import { idParams } from '../schemas.js';
import {
  cleanupQuery,
  expiredProfilesSchema,
  lineageReplacementSchema,
  presentExpiredRemovals,
  presentLineageReplacement,
  presentUnused,
  replaceOlderQuery,
  unusedProfilesSchema,
} from './cleanup.dto.js';

export interface CleanupRouteDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  /** Wakes the devices a command was queued for. */
  readonly pushes: CommandPushes;
}

const tags = ['Expiry and renewal'];

/**
 * Cleanup actions: delete unused profiles, remove expired profiles from devices that hold their
 * successor, replace the older versions of a profile. Each supports `dryRun=true`.
 */
export function cleanupRoutes(deps: CleanupRouteDeps): FastifyPluginAsyncZod {
  const audit = new AuditTrail(deps.clock);
  const cleanup = new CleanupService({ ...deps, audit });
  const lineage = new LineageCleanupService({ ...deps, audit });
  return (app) => {
    app.post(
      '/profiles/cleanup/unused',
      {
        config: { permission: 'profiles:write' },
        schema: { tags, summary: 'Delete every profile of a group that no app version uses', querystring: cleanupQuery, response: { 200: unusedProfilesSchema } },
      },
      async (request) => presentUnused(await cleanup.deleteUnusedProfiles(callerOf(request), { ogId: request.query.og, dryRun: request.query.dryRun })),
    );
    app.post(
      '/devices/cleanup/expired-profiles',
      {
        config: { permission: 'devices:write' },
        schema: {
          tags,
          summary: 'Remove expired profiles from the devices that already hold a valid successor',
          querystring: cleanupQuery,
          response: { 200: expiredProfilesSchema },
        },
      },
      async (request) => presentExpiredRemovals(await cleanup.removeExpiredFromDevices(callerOf(request), { ogId: request.query.og, dryRun: request.query.dryRun })),
    );
    app.post(
      '/profiles/:id/replace-older-versions',
      {
        config: { permission: 'renewals:write' },
        schema: {
          tags,
          summary: 'Replace the older versions of this profile (same group, App ID and name) by it, renewing their apps',
          description: 'Failed checks: 422 `cleanup.checks_failed` with `details.violations` (each naming the older version); a replaced or expired profile: 409 `cleanup.profile_superseded`, 422 `cleanup.profile_expired`.',
          params: idParams,
          querystring: replaceOlderQuery,
          response: { 200: lineageReplacementSchema },
        },
      },
      async (request) => presentLineageReplacement(await lineage.replaceOlderVersions(callerOf(request), request.params.id, request.query.dryRun)),
    );
    return Promise.resolve();
  };
}
