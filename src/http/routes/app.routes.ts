import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppCatalogService, AppUploadService } from '../../services/catalog/index.js';
import { callerOf } from '../auth.js';
import { idParams, pageOf, pageQueryShape, presentPage } from '../schemas.js';
import { acceptUploads, type UploadSettings } from '../upload/multipart-uploads.js';
import {
  appDetailSchema,
  appListQuery,
  appSchema,
  appUploadBody,
  appVersionPageSchema,
  appVersionSchema,
  presentApp,
  presentAppDetail,
  presentUploadedApp,
  presentVersion,
  uploadedAppSchema,
  versionParams,
} from './app.dto.js';

const tags = ['Apps'];

export interface AppRouteServices {
  readonly uploads: AppUploadService;
  readonly apps: AppCatalogService;
}

/** Internal apps: upload (multipart), list by expiry, detail, versions, retire. */
export function appRoutes(services: AppRouteServices, upload: UploadSettings): FastifyPluginAsyncZod {
  const { apps } = services;
  return async (app) => {
    app.get(
      '/apps',
      {
        config: { permission: 'apps:read' },
        schema: {
          tags,
          summary: 'Apps in scope with their effective expiry and days left',
          querystring: appListQuery,
          response: { 200: pageOf(appSchema) },
        },
      },
      async (request) => {
        const { og, search, expiringWithin, sort } = request.query;
        const query = { ogId: og, search, expiringWithinDays: expiringWithin, sort };
        return presentPage(await apps.list(callerOf(request), query, request.query), presentApp);
      },
    );
    app.get(
      '/apps/:id',
      {
        config: { permission: 'apps:read' },
        schema: {
          tags,
          summary: 'One app with its newest versions and the profile of each bundle',
          params: idParams,
          response: { 200: appDetailSchema },
        },
      },
      async (request) => presentAppDetail(await apps.get(callerOf(request), request.params.id)),
    );
    app.get(
      '/apps/:id/versions',
      {
        config: { permission: 'apps:read' },
        schema: {
          tags,
          summary: "An app's versions, newest first",
          params: idParams,
          querystring: z.object(pageQueryShape),
          response: { 200: appVersionPageSchema },
        },
      },
      async (request) => presentPage(await apps.versions(callerOf(request), request.params.id, request.query), presentVersion),
    );
    app.post(
      '/apps/:id/versions/:versionId/retire',
      {
        config: { permission: 'apps:write' },
        schema: {
          tags,
          summary: "Retire a version: it no longer counts toward the app's expiry",
          params: versionParams,
          response: { 200: appVersionSchema },
        },
      },
      async (request) => presentVersion(await apps.retireVersion(callerOf(request), request.params.id, request.params.versionId)),
    );
    await app.register(appUploadRoute(services.uploads, upload));
  };
}

/** `POST /apps`, in its own plugin so only it parses multipart bodies. */
function appUploadRoute(uploads: AppUploadService, upload: UploadSettings): FastifyPluginAsyncZod {
  return async (app) => {
    await acceptUploads(app, { tempDir: upload.tempDir, fileLimits: { ipa: upload.limits.ipaBytes, profile: upload.limits.profileBytes } });
    app.post(
      '/apps',
      {
        config: { permission: 'apps:write' },
        schema: {
          tags,
          summary: 'Upload an app build (.ipa), optionally with its profile',
          description:
            'Every upload rule is checked before anything is stored. A refusal is a 422 whose code names the first ' +
            'problem and whose `details.violations` lists them all.',
          consumes: ['multipart/form-data'],
          body: appUploadBody,
          response: { 201: uploadedAppSchema },
        },
      },
      async (request, reply) => {
        const { og, limitedDevices, ipa, profile } = request.body;
        const files = { ipaPath: ipa.path, profilePath: profile?.path };
        const uploaded = await uploads.uploadApp(callerOf(request), { ogId: og, limitedDevices, ...files });
        return reply.code(201).send(presentUploadedApp(uploaded));
      },
    );
  };
}
