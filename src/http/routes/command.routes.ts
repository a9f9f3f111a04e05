import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MdmRuntime } from '../../mdm/server/mdm-runtime.js';
import type { Database } from '../../store/database.js';
import type { Scope } from '../../store/scope.js';
import { callerOf } from '../auth.js';
import { notFound } from '../errors.js';
import { idParams, pageOf, presentPage } from '../schemas.js';
import {
  enqueuedSchema,
  fanOutBody,
  fanOutTargetOf,
  historyQuery,
  installBody,
  presentEnqueued,
  presentQueueEntry,
  queueEntrySchema,
  commandRequestSchema,
  type targetSchema,
} from './command.dto.js';

const tags = ['MDM commands'];
const MOBILECONFIG = 'application/x-apple-aspen-config';

/** An admin queueing a command, as the audit log records it. */
const commandRequest = (request: FastifyRequest) => ({ caller: callerOf(request), action: 'mdm_command.enqueue', objectType: 'mdm_command' });

/** The admin API of the MDM server: enrollment profiles, commands, queues, app installs. */
export function commandRoutes(runtime: MdmRuntime, deps: { readonly database: Pick<Database, 'repositories'> }): FastifyPluginCallbackZod {
  const { ogs, devices, mdmQueue } = deps.database.repositories;
  /** The scope a target reaches: the caller's, or the named OG's subtree inside it. */
  const targetScope = async (request: FastifyRequest, target: z.output<typeof targetSchema>): Promise<Scope> => {
    const scope = callerOf(request).actor.scope;
    if (!('ogId' in target)) return scope;
    const narrowed = await ogs.narrow(scope, target.ogId);
    if (narrowed === undefined) throw notFound('organization group');
    return narrowed;
  };
  /** The scope of the device's own OG, so a request about it is audited where its admins see it. */
  const deviceScope = async (request: FastifyRequest, id: number): Promise<Scope> => {
    const scope = callerOf(request).actor.scope;
    const device = await devices.get(scope, id);
    const narrowed = device === undefined ? undefined : await ogs.narrow(scope, device.ogId);
    if (narrowed === undefined) throw notFound('device');
    return narrowed;
  };
  return (app, _options, done) => {
    app.get(
      '/ogs/:id/enrollment-profile',
      { config: { permission: 'devices:write' }, schema: { tags, summary: "An enrollment profile (.mobileconfig) for the OG's devices", params: idParams } },
      async (request, reply) => {
        const profile = await runtime.enrollment.profileFor(callerOf(request).actor.scope, request.params.id);
        return reply
          .type(MOBILECONFIG)
          .header('content-disposition', `attachment; filename="enroll-og-${request.params.id}.mobileconfig"`)
          .send(Buffer.from(profile));
      },
    );
    app.post(
      '/devices/:id/commands',
      {
        config: { permission: 'devices:write' },
        schema: { tags, summary: 'Queue a command for one device', params: idParams, body: commandRequestSchema, response: { 202: enqueuedSchema } },
      },
      async (request, reply) => {
        const scope = await deviceScope(request, request.params.id);
        const command = await runtime.builder.build(scope, request.body);
        const target = { kind: 'devices', deviceIds: [request.params.id] } as const;
        const queued = await runtime.commands.enqueue(scope, command, target, commandRequest(request));
        return reply.code(202).send(presentEnqueued(queued));
      },
    );
    app.get(
      '/devices/:id/commands',
      {
        config: { permission: 'devices:read' },
        schema: { tags, summary: "A device's queue and command history, newest first", params: idParams, querystring: historyQuery, response: { 200: pageOf(queueEntrySchema) } },
      },
      async (request) => {
        const scope = await deviceScope(request, request.params.id);
        return presentPage(await mdmQueue.history(scope, request.params.id, request.query), presentQueueEntry);
      },
    );
    app.post(
      '/commands',
      {
        config: { permission: 'devices:write' },
        schema: { tags, summary: 'Queue a command for devices, an OG, or every device with an app', body: fanOutBody, response: { 202: enqueuedSchema } },
      },
      async (request, reply) => {
        const scope = await targetScope(request, request.body.target);
        const command = await runtime.builder.build(scope, request.body.command);
        const queued = await runtime.commands.enqueue(scope, command, fanOutTargetOf(request.body.target), commandRequest(request));
        return reply.code(202).send(presentEnqueued(queued));
      },
    );
    app.post(
      '/app-versions/:id/install',
      {
        config: { permission: 'apps:write' },
        schema: {
          tags,
          summary: 'Install an app version (its profiles, then the app) on devices',
          params: idParams,
          body: installBody,
          response: { 202: z.object({ commands: z.array(enqueuedSchema) }) },
        },
      },
      async (request, reply) => {
        const scope = await targetScope(request, request.body.target);
        const commands = await runtime.installs.install(callerOf(request), scope, request.params.id, fanOutTargetOf(request.body.target));
        return reply.code(202).send({ commands: commands.map(presentEnqueued) });
      },
    );
    done();
  };
}
