import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProfileCatalogService, ProfileUploadService } from '../../services/catalog/index.js';
import { callerOf } from '../auth.js';
import { idParams, pageOf, presentPage } from '../schemas.js';
import { acceptUploads, type UploadSettings } from '../upload/multipart-uploads.js';
import {
  PROFILE_CONTENT_TYPE,
  presentProfile,
  presentProfileDetail,
  presentUploadedProfile,
  profileDetailSchema,
  profileListQuery,
  profileSchema,
  profileUploadBody,
  uploadedProfileSchema,
} from './profile.dto.js';

const tags = ['Provisioning profiles'];

/** The download's body: a stream of the stored bytes, never serialized. */
const signedFileSchema = z.custom<Readable>((value) => value instanceof Readable).meta({ type: 'string', format: 'binary' });

export interface ProfileRouteServices {
  readonly uploads: ProfileUploadService;
  readonly profiles: ProfileCatalogService;
}

/** Provisioning profiles: upload, list by expiry, detail with the apps sharing it, download, delete. */
export function profileRoutes(services: ProfileRouteServices, upload: UploadSettings): FastifyPluginAsyncZod {
  const { profiles } = services;
  return async (app) => {
    app.get(
      '/profiles',
      {
        config: { permission: 'profiles:read' },
        schema: {
          tags,
          summary: 'Profiles in scope, soonest expiry first',
          querystring: profileListQuery,
          response: { 200: pageOf(profileSchema) },
        },
      },
      async (request) => {
        const { og, expiringWithin, ...filters } = request.query;
        const query = { ...filters, ogId: og, expiringWithinDays: expiringWithin };
        return presentPage(await profiles.list(callerOf(request), query, request.query), presentProfile);
      },
    );
    app.get(
      '/profiles/:id',
      {
        config: { permission: 'profiles:read' },
        schema: {
          tags,
          summary: 'One profile with its certificates, lineage and every app version that shares it',
          params: idParams,
          response: { 200: profileDetailSchema },
        },
      },
      async (request) => presentProfileDetail(await profiles.get(callerOf(request), request.params.id)),
    );
    app.get(
      '/profiles/:id/download',
      {
        config: { permission: 'profiles:read' },
        schema: {
          tags,
          summary: 'The signed .mobileprovision, byte for byte as uploaded',
          params: idParams,
          produces: [PROFILE_CONTENT_TYPE],
          response: {
            200: {
              description: 'The signed profile.',
              content: { [PROFILE_CONTENT_TYPE]: { schema: signedFileSchema } },
            },
          },
        },
      },
      async (request, reply) => {
        const download = await profiles.download(callerOf(request), request.params.id);
        return reply
          .type(PROFILE_CONTENT_TYPE)
          .header('content-disposition', `attachment; filename="${download.fileName}"`)
          .header('content-length', download.profile.blobSize)
          .send(download.content);
      },
    );
    app.delete(
      '/profiles/:id',
      {
        config: { permission: 'profiles:write' },
        schema: {
          tags,
          summary: 'Delete a profile no app uses',
          description: 'While app versions use the profile: 409 `profile.in_use`, with the apps in `details.apps`.',
          params: idParams,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await profiles.delete(callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
    await app.register(profileUploadRoute(services.uploads, upload));
  };
}

/** `POST /profiles`, in its own plugin so only it parses multipart bodies. */
function profileUploadRoute(uploads: ProfileUploadService, upload: UploadSettings): FastifyPluginAsyncZod {
  return async (app) => {
    await acceptUploads(app, { tempDir: upload.tempDir, fileLimits: { profile: upload.limits.profileBytes } });
    app.post(
      '/profiles',
      {
        config: { permission: 'profiles:write' },
        schema: {
          tags,
          summary: 'Upload a provisioning profile',
          description: 'Re-uploading a stored UUID returns it with 200 and writes nothing; a new profile is 201.',
          consumes: ['multipart/form-data'],
          body: profileUploadBody,
          response: { 200: uploadedProfileSchema, 201: uploadedProfileSchema },
        },
      },
      async (request, reply) => {
        const { og, profile } = request.body;
        const uploaded = await uploads.uploadProfile(callerOf(request), { ogId: og, profilePath: profile.path });
        return reply.code(uploaded.created ? 201 : 200).send(presentUploadedProfile(uploaded));
      },
    );
  };
}
