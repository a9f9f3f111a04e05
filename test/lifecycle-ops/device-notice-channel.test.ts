import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ExpiryScanService } from '../../src/services/lifecycle/expiry-scan.service.js';
import { unique } from '../http/fixtures.js';
import { forEachMdmApp, RecordingPushSender, SignedDevice } from '../mdm-server/harness.js';
import { appExpiringAt, createScopedOg, inDays, manualClock, NOW } from '../lifecycle/world.js';

interface NoticesReply {
  readonly notices: readonly { readonly id: number; readonly appId: number; readonly threshold: number; readonly expiresAt: string; readonly message: string }[];
}

forEachMdmApp((context) => {
  /** An enrolled device running an app whose profile expires in 20 days, after a scan. */
  async function deviceWithNotice() {
    const database = context.database();
    const og = await createScopedOg(database.repositories);
    const device = await SignedDevice.issue(context.ca(), og.og, unique('UDID'));
    await device.enroll(context.app());
    const { app, version } = await appExpiringAt(database, og, inDays(20));
    const { devices } = database.repositories;
    const row = await devices.findByUdid(og.scope, device.udid);
    await devices.recordInstallations(og.scope, row?.id ?? 0, [{ bundleId: app.bundleId, appVersionId: version.id }], NOW);
    await new ExpiryScanService({ database, clock: manualClock(NOW) }).scan();
    return { device, app };
  }

  function collect(device: SignedDevice, body: object | string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    return context.app().inject({
      method: 'PUT',
      url: '/mdm/notices',
      headers: { 'content-type': 'application/json', 'mdm-signature': device.sign(bytes), ...headers },
      payload: bytes,
    });
  }

  describe('device notice channel', () => {
    it('hands an enrolled device its notices once', async () => {
      const { device, app } = await deviceWithNotice();
      const first = await collect(device, { udid: device.udid });
      expect(first.statusCode, first.body).toBe(200);
      const { notices } = first.json<NoticesReply>();
      expect(notices.map((notice) => [notice.appId, notice.threshold, notice.expiresAt])).toEqual([[app.id, 30, inDays(20).toISOString()]]);
      expect(notices[0]?.message).toContain(app.name);

      const again = await collect(device, { udid: device.udid });
      expect(again.json<NoticesReply>().notices).toEqual([]);
    });

    it('refuses another device, a stranger and a bad body without ever answering 401', async () => {
      const { device } = await deviceWithNotice();
      const other = await deviceWithNotice();
      const og = await createScopedOg(context.database().repositories);
      const stranger = await SignedDevice.issue(context.ca(), og.og, unique('UDID'));
      const refusals = [
        [await collect(other.device, { udid: device.udid }), 403, 'mdm.identity_mismatch'],
        [await collect(stranger, { udid: stranger.udid }), 403, 'mdm.not_enrolled'],
        [await collect(device, { udid: device.udid }, { 'mdm-signature': '' }), 403, 'mdm.'],
        [await collect(device, 'not json'), 400, 'mdm.bad_message'],
        [await collect(device, { device: device.udid }), 400, 'mdm.bad_message'],
      ] as const;
      for (const [response, status, code] of refusals) {
        expect(response.statusCode, response.body).toBe(status);
        expect(response.body.startsWith(code)).toBe(true);
      }
      // None of that took the notice away from its device.
      expect((await collect(device, { udid: device.udid })).json<NoticesReply>().notices).toHaveLength(1);
    });
  });
}, () => new RecordingPushSender());
