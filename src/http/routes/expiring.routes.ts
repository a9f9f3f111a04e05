import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../services/auth/clock.js';
import { DEFAULT_EXPIRING_DAYS, ExpiryListingService } from '../../services/lifecycle/expiry-listing.service.js';
import type { Database } from '../../store/database.js';
import { callerOf } from '../auth.js';
import { expiringQuery, expiringReportSchema, presentExpiring } from './expiring.dto.js';

/** `GET /expiring`: what stops within N days, for `provisio expiring` and CI jobs. */
export function expiringRoutes(deps: { readonly database: Pick<Database, 'repositories'>; readonly clock: Clock }): FastifyPluginAsyncZod {
  const listing = new ExpiryListingService(deps);
  return (app) => {
    app.get(
      '/expiring',
      {
        config: { permission: 'profiles:read' },
        schema: {
          tags: ['Expiry and renewal'],
          summary: 'Profiles, certificates and apps that expire within N days, with days left and devices affected',
          querystring: expiringQuery,
          response: { 200: expiringReportSchema },
        },
      },
      async (request) => presentExpiring(await listing.expiring(callerOf(request), request.query.within ?? DEFAULT_EXPIRING_DAYS, request.query.og)),
    );
    return Promise.resolve();
  };
}
