import { describe, expect, it } from 'vitest';
import { LAST_SEEN_RESOLUTION_MS } from '../../src/mdm/server/connect.service.js';
import { createOg, unique } from '../http/fixtures.js';
import { forEachMdmApp, RecordingPushSender, SignedDevice } from './harness.js';

const sender = new RecordingPushSender();

forEachMdmApp((context) => {
  describe("a device's last check-in", () => {
    it('is written when the stored one is a minute old, not on every message', async () => {
      const og = await createOg(context.database());
      const device = await SignedDevice.issue(context.ca(), og, unique('UDID'));
      await device.enroll(context.app());
      const { devices, ogs } = context.database().repositories;
      const lastSeen = async () => (await devices.findByUdid(await ogs.rootScope(), device.udid))?.lastSeenAt.getTime();
      const enrolled = await lastSeen();

      context.clock.advance(LAST_SEEN_RESOLUTION_MS / 2);
      expect((await device.connect(context.app(), { status: 'Idle' })).statusCode).toBe(200);
      expect(await lastSeen()).toBe(enrolled);

      context.clock.advance(LAST_SEEN_RESOLUTION_MS / 2);
      const connectedAt = context.clock.now().getTime();
      expect((await device.connect(context.app(), { status: 'Idle' })).statusCode).toBe(200);
      expect(await lastSeen()).toBeGreaterThanOrEqual(connectedAt);
    });
  });
}, () => sender);
