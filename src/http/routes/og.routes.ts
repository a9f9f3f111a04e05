import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OgService } from '../../services/og/og.service.js';
import { callerOf } from '../auth.js';
import { idParams } from '../schemas.js';
import { newOgBody, ogSchema, ogTreeSchema, ogUpdateBody, presentOg, presentOgTree } from './og.dto.js';

const tags = ['Organization groups'];

/** Organization groups: the tree under the caller's home, and its changes. */
export function ogRoutes(ogs: OgService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/ogs/tree',
      {
        config: { permission: 'ogs:read' },
        schema: { tags, summary: "The caller's home group with every group below it", response: { 200: ogTreeSchema } },
      },
      async (request) => presentOgTree(await ogs.tree(callerOf(request))),
    );
    app.get(
      '/ogs/:id',
      {
        config: { permission: 'ogs:read' },
        schema: { tags, summary: 'One group', params: idParams, response: { 200: ogSchema } },
      },
      async (request) => presentOg(await ogs.get(callerOf(request), request.params.id)),
    );
    app.post(
      '/ogs',
      {
        config: { permission: 'ogs:write' },
        schema: { tags, summary: 'Create a group under a parent', body: newOgBody, response: { 201: ogSchema } },
      },
      async (request, reply) => reply.code(201).send(presentOg(await ogs.create(callerOf(request), request.body))),
    );
    app.patch(
      '/ogs/:id',
      {
        config: { permission: 'ogs:write' },
        schema: {
          tags,
          summary: 'Rename and/or move a group',
          params: idParams,
          body: ogUpdateBody,
          response: { 200: ogSchema },
        },
      },
      async (request) => presentOg(await ogs.update(callerOf(request), request.params.id, request.body)),
    );
    app.delete(
      '/ogs/:id',
      {
        config: { permission: 'ogs:write' },
        schema: { tags, summary: 'Delete a group that holds nothing', params: idParams, response: { 204: z.undefined() } },
      },
      async (request, reply) => {
        await ogs.delete(callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
    done();
  };
}
