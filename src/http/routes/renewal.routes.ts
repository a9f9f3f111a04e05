import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerConfig } from '../../config/server-config.js';
import type { RolloutState } from '../../domain/rollout.js';
import type { BlobStore } from '../../io/blob-store.js';
import { AuditTrail } from '../../services/audit/audit-trail.js';
import type { Clock } from '../../services/auth/clock.js';
import { loadProfileTrust } from '../../services/catalog/index.js';
import { RenewalApplyService, type CommandPushes } from '../../services/lifecycle/renewal-apply.service.js';
import { RenewalPlanService } from '../../services/lifecycle/renewal-plan.service.js';
import { RolloutService } from '../../services/lifecycle/rollout.service.js';
import type { Database } from '../../store/database.js';
import { callerOf } from '../auth.js';
import { idParams, pageOf, pageQueryShape, presentPage } from '../schemas.js';
import { acceptUploads } from '../upload/multipart-uploads.js';
import { presentRenewalPlan, renewalBody, renewalPlanSchema, renewalQuery } from './lifecycle.dto.js';
import {
  presentRenewal,
  presentRolloutDevice,
  renewalListQuery,
  renewalSchema,
  rolloutDeviceSchema,
  rolloutStateSchema,
} from './renewal.dto.js';

const tags = ['Expiry and renewal'];

export interface RenewalRouteDeps {
  readonly config: Pick<ServerConfig, 'dataDir' | 'uploadLimits' | 'trust'>;
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  /** The MDM push dispatcher: wakes devices once their install is queued. */
  readonly pushes: CommandPushes;
}

/** Renewing a profile (dry run and apply) and following its rollout. */
export function renewalRoutes(deps: RenewalRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const trust = await loadProfileTrust(deps.config.dataDir, deps.config.trust);
    const audit = new AuditTrail(deps.clock);
    const plans = new RenewalPlanService({ database: deps.database, trust });
    const applier = new RenewalApplyService({ ...deps, audit, trust, plans });
    const rollouts = new RolloutService({ ...deps, audit });
    await acceptUploads(app, { tempDir: join(deps.config.dataDir, 'uploads'), fileLimits: { profile: deps.config.uploadLimits.profileBytes } });

    app.post(
      '/profiles/:id/renewals',
      {
        config: { permission: 'renewals:write' },
        schema: {
          tags,
          summary: 'Renew a profile with its replacement, or only check it (dryRun=true)',
          description: [
            'Dry run: 200 with the plan. Apply: 201 with the renewal, or 200 with the same renewal when this replacement was applied to this profile before.',
            'Failed checks: 422 `renewal.checks_failed` with `details.violations`; several apps and no applyToAllApps: 409 `renewal.apps_not_chosen`;',
            'the profile was renewed with another file already: 409 `renewal.profile_superseded`.',
          ].join(' '),
          consumes: ['multipart/form-data'],
          params: idParams,
          querystring: renewalQuery,
          body: renewalBody,
          response: { 200: z.union([renewalPlanSchema, renewalSchema]), 201: renewalSchema },
        },
      },
      async (request, reply) => {
        const { profile, applyToAllApps } = request.body;
        const renewal = { profilePath: profile.path, applyToAllApps: applyToAllApps ?? false };
        const caller = callerOf(request);
        if (request.query.dryRun === 'true') return presentRenewalPlan(await plans.dryRun(caller, request.params.id, renewal));
        const applied = await applier.apply(caller, request.params.id, renewal);
        const progress = await rollouts.get(caller, applied.renewal.id);
        return reply.code(applied.created ? 201 : 200).send(presentRenewal(progress));
      },
    );

    app.get(
      '/renewals',
      { config: { permission: 'profiles:read' }, schema: { tags, summary: 'Renewals of your groups with their rollout, newest first', querystring: renewalListQuery, response: { 200: z.array(renewalSchema) } } },
      async (request) => {
        const { og, state } = request.query;
        return (await rollouts.list(callerOf(request), { ogId: og, active: state === 'active' })).map(presentRenewal);
      },
    );

    app.get(
      '/renewals/:id',
      { config: { permission: 'profiles:read' }, schema: { tags, summary: 'A renewal and where its rollout stands', params: idParams, response: { 200: renewalSchema } } },
      async (request) => presentRenewal(await rollouts.get(callerOf(request), request.params.id)),
    );

    app.get(
      '/renewals/:id/devices',
      {
        config: { permission: 'devices:read' },
        schema: {
          tags,
          summary: "The rollout's devices, optionally in one state",
          params: idParams,
          querystring: z.object({ ...pageQueryShape, state: rolloutStateSchema.optional() }),
          response: { 200: pageOf(rolloutDeviceSchema) },
        },
      },
      async (request) => {
        const { state, ...page } = request.query;
        const devices = await rollouts.devices(callerOf(request), request.params.id, state as RolloutState | undefined, page);
        return presentPage(devices, presentRolloutDevice);
      },
    );

    app.post(
      '/renewals/:id/retry',
      { config: { permission: 'renewals:write' }, schema: { tags, summary: 'Send the new profile again to the devices that failed', params: idParams, response: { 200: renewalSchema } } },
      async (request) => presentRenewal(await rollouts.retryFailed(callerOf(request), request.params.id)),
    );
  };
}
