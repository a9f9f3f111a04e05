import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DeviceIdentityCertificate } from '../../mdm/identity/index.js';
import { DeviceRequestError } from '../../mdm/server/device-request-error.js';
import type { DeviceNoticeDeliveryService } from '../../services/lifecycle/device-notice-delivery.service.js';
import type { DeviceNotice } from '../../store/notice-device.repository.js';

/** Where the Provisio agent on a device collects its user's notices. */
export const DEVICE_NOTICES_PATH = '/mdm/notices';

export interface DeviceNoticeEndpointDeps {
  /** The identity a device request proves (Mdm-Signature or forwarded client certificate); throws 403. */
  readonly identify: (request: FastifyRequest) => DeviceIdentityCertificate;
  readonly bodyOf: (request: FastifyRequest) => Uint8Array;
  readonly notices: DeviceNoticeDeliveryService;
}

/** A notice as the agent receives it. */
export interface DeviceNoticeMessage {
  readonly id: number;
  readonly appId: number;
  /** Days before expiry this notice is for; 0 once expired. */
  readonly threshold: number;
  readonly expiresAt: string;
  /** The text to show the user. */
  readonly message: string;
}

/**
 * `PUT /mdm/notices`: the body is `{"udid": "…"}`, signed like every device message. Answers
 * `{"notices": [...]}` with the notices not delivered yet, oldest first, and marks them delivered.
 * It sits with the MDM device endpoints, so a refused identity is a 403 and never a 401 (which
 * would make a device unenroll).
 */
export function registerDeviceNoticeEndpoint(app: FastifyInstance, deps: DeviceNoticeEndpointDeps): void {
  app.put(DEVICE_NOTICES_PATH, { schema: { hide: true } }, async (request, reply) => {
    const identity = deps.identify(request);
    const notices = await deps.notices.collect(identity, udidOf(deps.bodyOf(request)));
    return reply.type('application/json; charset=utf-8').send({ notices: notices.map(present) });
  });
}

function udidOf(body: Uint8Array): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new DeviceRequestError(400, 'mdm.bad_message', 'the body is not JSON');
  }
  const udid = typeof parsed === 'object' && parsed !== null ? (parsed as { udid?: unknown }).udid : undefined;
  if (typeof udid !== 'string' || udid === '') throw new DeviceRequestError(400, 'mdm.bad_message', 'the body names no udid');
  return udid;
}

function present(notice: DeviceNotice): DeviceNoticeMessage {
  return { id: notice.id, appId: notice.appId, threshold: notice.threshold, expiresAt: notice.expiresAt.toISOString(), message: notice.message };
}
