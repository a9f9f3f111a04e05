import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { isMdmProtocolError, MDM_BODY_LIMITS, parseCheckInMessage, parseCommandResponse } from '../../mdm/protocol/index.js';
import { ipaPath, manifestPath } from '../../mdm/server/app-downloads.js';
import { identifyDevice } from '../../mdm/server/device-identity.js';
import { DeviceRequestError } from '../../mdm/server/device-request-error.js';
import { renewalRoutes, type RenewalRouteDeps } from './renewal.routes.js';
import { createMdmRuntime, type MdmRuntime, type MdmRuntimeDeps } from '../../mdm/server/mdm-runtime.js';
import { API_PREFIX } from '../route-access.js';
import { DeviceNoticeDeliveryService } from '../../services/lifecycle/device-notice-delivery.service.js';
import { cleanupRoutes } from './cleanup.routes.js';
import { commandRoutes } from './command.routes.js';
import { registerDeviceNoticeEndpoint } from './device-notice.routes.js';
import { appDownloadParams, signedLinkQuery } from './mdm.dto.js';

/** What the MDM routes are built from; `AppDeps` provides all of it. */
export type MdmRouteDeps = Omit<MdmRuntimeDeps, 'log'> & Omit<RenewalRouteDeps, 'pushes'>;

/**
 * Provisio as an MDM server: the device endpoints (`PUT /mdm/checkin`, `PUT /mdm/connect`), the
 * signed app downloads devices install from, and the admin API for commands and enrollment.
 * Starts the push sweep and queue pruning when the server is ready, stops them on close.
 */
export function mdmRoutes(deps: MdmRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const runtime = await createMdmRuntime({ ...deps, log: app.log });
    app.addHook('onReady', (done) => {
      runtime.startJobs();
      done();
    });
    app.addHook('onClose', async () => runtime.stop());
    await app.register(deviceEndpoints(runtime, deps));
    await app.register(appDownloads(runtime, deps), { prefix: '/mdm/apps' });
    await app.register(commandRoutes(runtime, deps), { prefix: API_PREFIX });
    await app.register(renewalRoutes({ ...deps, pushes: runtime.pushes }), { prefix: API_PREFIX });
    await app.register(cleanupRoutes({ ...deps, pushes: runtime.pushes }), { prefix: API_PREFIX });
  };
}

function deviceEndpoints(runtime: MdmRuntime, deps: MdmRouteDeps): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    acceptRawBodies(app);
    app.setErrorHandler(answerDeviceError);
    const identify = (request: FastifyRequest) => identifyDevice({ headers: request.headers, body: bodyOf(request) }, runtime.identity, deps.clock.now());
    app.put('/mdm/checkin', { schema: { hide: true } }, async (request, reply) => {
      const identity = identify(request);
      await runtime.checkIns.handle(parseCheckInMessage(bodyOf(request)), identity);
      return reply.code(200).send();
    });
    app.put('/mdm/connect', { schema: { hide: true } }, async (request, reply) => {
      const identity = identify(request);
      const next = await runtime.connects.handle(parseCommandResponse(bodyOf(request)), identity);
      return next === undefined ? reply.code(200).send() : reply.type('application/xml; charset=utf-8').send(Buffer.from(next));
    });
    registerDeviceNoticeEndpoint(app, { identify, bodyOf, notices: new DeviceNoticeDeliveryService(deps) });
    done();
  };
}

/** Device messages are plists of any content type (devices send none, or application/x-apple-aspen-mdm). */
function acceptRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MDM_BODY_LIMITS.maxBytes }, (_request, body, done) => done(null, body));
}

function bodyOf(request: FastifyRequest): Uint8Array {
  return Buffer.isBuffer(request.body) ? request.body : new Uint8Array(0);
}

/**
 * We deliberately never answer 401 here, as it makes devices unenroll: refused identities get
 * 403, anything wrong with the request (unreadable, too large, wrong media type) 400, and our
 * own failures 500.
 */
function answerDeviceError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const status = deviceStatusOf(error);
  const code = error instanceof DeviceRequestError || isMdmProtocolError(error) ? error.code : status === 500 ? 'internal' : 'mdm.bad_request';
  if (status === 500) request.log.error({ err: error }, 'MDM request failed');
  else request.log.warn({ code, reason: error.message }, 'MDM request refused');
  return reply.code(status).type('text/plain; charset=utf-8').send(status === 500 ? 'internal error' : `${code}: ${error.message}`);
}

function deviceStatusOf(error: FastifyError | Error): 400 | 403 | 500 {
  if (error instanceof DeviceRequestError) return error.status;
  if (isMdmProtocolError(error)) return 400;
  const statusCode = 'statusCode' in error ? error.statusCode : undefined;
  return statusCode !== undefined && statusCode >= 400 && statusCode < 500 ? 400 : 500;
}

function appDownloads(runtime: MdmRuntime, deps: MdmRouteDeps): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    const schema = { hide: true, params: appDownloadParams, querystring: signedLinkQuery };
    const linkValid = (path: string, query: { expires?: string; signature?: string }) =>
      runtime.links.verify(path, query.expires, query.signature, deps.clock.now());
    app.get('/:id/manifest.plist', { schema }, async (request, reply) => {
      if (!linkValid(manifestPath(request.params.id), request.query)) return reply.code(403).send();
      const manifest = await runtime.downloads.manifest(request.params.id, deps.clock.now());
      return manifest === undefined ? reply.code(404).send() : reply.type('application/xml; charset=utf-8').send(Buffer.from(manifest));
    });
    app.get('/:id/app.ipa', { schema }, async (request, reply) => {
      if (!linkValid(ipaPath(request.params.id), request.query)) return reply.code(403).send();
      const ipa = await runtime.downloads.ipa(request.params.id);
      if (ipa === undefined) return reply.code(404).send();
      return reply.type('application/octet-stream').header('content-length', ipa.size).send(ipa.stream);
    });
    done();
  };
}
