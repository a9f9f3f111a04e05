import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EmailSender } from '../../alerts/email-sender.js';
import { z } from 'zod';
import type { ServerConfig } from '../../config/server-config.js';
import type { Clock } from '../../services/auth/clock.js';
import { loadProfileTrust } from '../../services/catalog/index.js';
import { createLifecycleServices, type LifecycleServices } from '../../services/lifecycle/index.js';
import type { Database } from '../../store/database.js';
import { callerOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { idParams } from '../schemas.js';
import {
  calendarFeedBody,
  calendarFeedSchema,
  calendarParams,
  channelBody,
  channelSchema,
  createdChannelSchema,
  noticeListQuery,
  noticeSchema,
  ogQuery,
  presentChannel,
  presentNotice,
  presentScan,
  presentUnableToOpen,
  scanReportSchema,
  timelineSchema,
  unableToOpenSchema,
} from './lifecycle.dto.js';

const tags = ['Expiry and renewal'];
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

export interface LifecycleRouteDeps {
  readonly config: Pick<ServerConfig, 'dataDir' | 'uploadLimits' | 'trust' | 'publicBaseUrl'>;
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly clock: Clock;
  /** Alert email for scans run through the API; absent when no SMTP server is configured. */
  readonly email?: EmailSender;
}

/**
 * Notices, the expiry scan, the timeline, alert channels and calendar feeds (renewals: renewal.routes.ts).
 * Running a scan and configuring channels need `ogs:write` (the system role): there is no finer
 * permission for server-wide work yet.
 */
export function lifecycleRoutes(deps: LifecycleRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const trust = await loadProfileTrust(deps.config.dataDir, deps.config.trust);
    const services = createLifecycleServices({ database: deps.database, clock: deps.clock, trust, email: deps.email });
    await app.register(noticeRoutes(services));
    await app.register(alertRoutes(services, deps.config.publicBaseUrl));
  };
}

function noticeRoutes(services: LifecycleServices): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/notices',
      { config: { permission: 'profiles:read' }, schema: { tags, summary: 'Expiry notices of your groups, newest first', querystring: noticeListQuery, response: { 200: z.array(noticeSchema) } } },
      async (request) => (await services.notices.list(callerOf(request), request.query.includeDismissed ?? false)).map(presentNotice),
    );
    app.post(
      '/notices/:id/dismiss',
      { config: { permission: 'authenticated' }, schema: { tags, summary: 'Hide a notice for yourself only', params: idParams, response: { 204: z.undefined() } } },
      async (request, reply) => {
        await services.notices.dismiss(callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/expiry/scan',
      { config: { permission: 'ogs:write' }, schema: { tags, summary: 'Run the expiry scan now', response: { 200: scanReportSchema } } },
      async () => {
        const report = await services.scans.scan();
        if (report === null) throw new ApiError('conflict', 'another server is running the expiry scan', { code: 'expiry.scan_running' });
        return presentScan(report);
      },
    );
    app.get(
      '/expiry/timeline',
      { config: { permission: 'apps:read' }, schema: { tags, summary: 'Per day for the next 365 days, the apps that stop and on how many devices', querystring: ogQuery, response: { 200: timelineSchema } } },
      async (request) =>
        (await services.timeline.timeline(callerOf(request), request.query.og)).map((day) => ({ ...day, apps: [...day.apps] })),
    );
    app.get(
      '/expiry/unable-to-open',
      { config: { permission: 'devices:read' }, schema: { tags, summary: 'Devices holding an app whose profile or certificate expired', querystring: ogQuery, response: { 200: unableToOpenSchema } } },
      async (request) => (await services.timeline.unableToOpen(callerOf(request), request.query.og)).map(presentUnableToOpen),
    );
    return Promise.resolve();
  };
}

function alertRoutes(services: LifecycleServices, publicBaseUrl: string): FastifyPluginAsyncZod {
  const { channels } = services;
  return (app) => {
    app.get(
      '/alert-channels',
      { config: { permission: 'ogs:read' }, schema: { tags, summary: 'Alert channels of your groups (secrets never shown)', response: { 200: z.array(channelSchema) } } },
      async (request) => (await channels.list(callerOf(request))).map(presentChannel),
    );
    app.post(
      '/alert-channels',
      { config: { permission: 'ogs:write' }, schema: { tags, summary: 'Add an email or webhook channel to a group', body: channelBody, response: { 201: createdChannelSchema } } },
      async (request, reply) => {
        const { og, kind, target } = request.body;
        const created = await channels.create(callerOf(request), { ogId: og, kind, target });
        return reply.code(201).send({ channel: presentChannel(created.channel), secret: created.secret ?? null });
      },
    );
    app.delete(
      '/alert-channels/:id',
      { config: { permission: 'ogs:write' }, schema: { tags, summary: 'Remove an alert channel', params: idParams, response: { 204: z.undefined() } } },
      async (request, reply) => {
        await channels.delete(callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/calendar-feeds',
      { config: { permission: 'ogs:write' }, schema: { tags, summary: 'Create a calendar feed URL for a group', body: calendarFeedBody, response: { 201: calendarFeedSchema } } },
      async (request, reply) => {
        const feed = await channels.createCalendarFeed(callerOf(request), request.body.og);
        return reply.code(201).send({ id: feed.id, url: `${publicBaseUrl.replace(/\/$/, '')}/api/v1/calendar/${feed.token}.ics` });
      },
    );
    app.get(
      '/calendar/:token',
      // Public: calendar clients cannot log in; the unguessable token in the URL is the credential.
      { config: { permission: 'public' }, schema: { tags, summary: 'iCalendar feed of upcoming expiries', params: calendarParams, produces: ['text/calendar'], response: { 200: { description: 'RFC 5545 calendar.', content: { 'text/calendar': { schema: z.string() } } } } } },
      async (request, reply) => reply.type(CALENDAR_TYPE).send(await channels.calendar(request.params.token.slice(0, -'.ics'.length))),
    );
    return Promise.resolve();
  };
}
