import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { adminAgent, call, createOg, unique } from '../http/fixtures.js';
import { forEachMdmApp, RecordingPushSender, SignedDevice } from './harness.js';

const sender = new RecordingPushSender();

forEachMdmApp((context) => {
  const app = (): FastifyInstance => context.app();

  async function deviceWithTwoCommands() {
    const og = await createOg(context.database());
    const device = await SignedDevice.issue(context.ca(), og, unique('UDID'));
    await device.enroll(app());
    const { ogs, devices } = context.database().repositories;
    const id = (await devices.findByUdid(await ogs.rootScope(), device.udid))?.id;
    const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
    const queue = async (requestType: string) =>
      (await call(app(), agent, 'POST', `/api/v1/devices/${id}/commands`, { requestType })).json<{ commandUuid: string }>().commandUuid;
    return { device, first: await queue('ManagedApplicationList'), second: await queue('DeviceInformation') };
  }

  describe('NotNow', () => {
    it('is not offered again in the same connection', async () => {
      const { device, first, second } = await deviceWithTwoCommands();
      expect((await device.connect(app(), { status: 'Idle' })).body).toContain(first);
      expect((await device.connect(app(), { status: 'NotNow', commandUuid: first })).body).toContain(second);
      expect((await device.connect(app(), { status: 'NotNow', commandUuid: second })).body).toBe('');
    });

    it('offers every command the device declined again on its next connection, not only the first', async () => {
      const { device, first, second } = await deviceWithTwoCommands();
      await device.connect(app(), { status: 'Idle' });
      await device.connect(app(), { status: 'NotNow', commandUuid: first });
      await device.connect(app(), { status: 'NotNow', commandUuid: second });

      // Unlocked, the device connects again: it must get both, one after the other.
      expect((await device.connect(app(), { status: 'Idle' })).body).toContain(first);
      const afterFirst = await device.connect(app(), { status: 'Acknowledged', commandUuid: first, payload: { ManagedApplicationList: {} } });
      expect(afterFirst.body).toContain(second);
    });
  });
}, () => sender);
