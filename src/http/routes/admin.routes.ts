import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AdminService } from '../../services/auth/admin.service.js';
import { callerOf } from '../auth.js';
import { idParams, pageOf, pageQueryShape, presentPage } from '../schemas.js';
import { adminListQuery, adminSchema, adminUpdateBody, newAdminBody, presentAdmin } from './admin.dto.js';

const tags = ['Admins'];

/** Console administrators of the caller's scope. */
export function adminRoutes(admins: AdminService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/admins',
      {
        config: { permission: 'admins:read' },
        schema: {
          tags,
          summary: 'Admins whose home group is in scope, by username',
          querystring: adminListQuery.extend(pageQueryShape),
          response: { 200: pageOf(adminSchema) },
        },
      },
      async (request) => presentPage(await admins.list(callerOf(request), request.query, request.query), presentAdmin),
    );
    app.get(
      '/admins/:id',
      {
        config: { permission: 'admins:read' },
        schema: { tags, summary: 'One admin', params: idParams, response: { 200: adminSchema } },
      },
      async (request) => presentAdmin(await admins.get(callerOf(request), request.params.id)),
    );
    app.post(
      '/admins',
      {
        config: { permission: 'admins:write' },
        schema: { tags, summary: 'Create an admin', body: newAdminBody, response: { 201: adminSchema } },
      },
      async (request, reply) => reply.code(201).send(presentAdmin(await admins.create(callerOf(request), request.body))),
    );
    app.patch(
      '/admins/:id',
      {
        config: { permission: 'admins:write' },
        schema: {
          tags,
          summary: "Change another admin's role, home group or disabled flag",
          params: idParams,
          body: adminUpdateBody,
          response: { 200: adminSchema },
        },
      },
      async (request) => presentAdmin(await admins.update(callerOf(request), request.params.id, request.body)),
    );
    done();
  };
}
