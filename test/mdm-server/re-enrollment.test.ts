import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createEnrollmentCa, issueDeviceIdentity, openEnrollmentCa } from '../../src/mdm/enrollment/index.js';
import { encodeCheckInMessage } from '../../src/mdm/protocol/index.js';
import { adminAgent, call, createOg, unique, type Agent } from '../http/fixtures.js';
import { forEachMdmApp, RecordingPushSender, SignedDevice, TOPIC } from './harness.js';

const sender = new RecordingPushSender();
const PROFILE_UUID = 'A1B2C3D4-0000-4000-8000-0000000000AA';

forEachMdmApp((context) => {
  const app = (): FastifyInstance => context.app();

  async function enrolledDevice() {
    const og = await createOg(context.database());
    const device = await SignedDevice.issue(context.ca(), og, unique('UDID'));
    await device.enroll(app());
    const { ogs, devices } = context.database().repositories;
    const record = await devices.findByUdid(await ogs.rootScope(), device.udid);
    if (record === undefined) throw new Error('the device did not enroll');
    const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
    return { og, device, deviceId: record.id, agent };
  }

  async function queue(agent: Agent, deviceId: number, requestType: 'ProvisioningProfileList' | 'InstalledApplicationList'): Promise<string> {
    const response = await call(app(), agent, 'POST', `/api/v1/devices/${deviceId}/commands`, { requestType });
    expect(response.statusCode, response.body).toBe(202);
    return response.json<{ commandUuid: string }>().commandUuid;
  }

  async function history(agent: Agent, deviceId: number) {
    return (await call(app(), agent, 'GET', `/api/v1/devices/${deviceId}/commands`)).json<{ items: { commandUuid: string; status: string }[] }>().items;
  }

  /** The device answers a ProvisioningProfileList, so the inventory holds one profile. */
  async function reportProfile(device: SignedDevice, agent: Agent, deviceId: number): Promise<void> {
    const commandUuid = await queue(agent, deviceId, 'ProvisioningProfileList');
    expect((await device.connect(app(), { status: 'Idle' })).body).toContain(commandUuid);
    const payload = { ProvisioningProfileList: [{ Name: 'Field Service', UUID: PROFILE_UUID, ExpiryDate: new Date('2030-01-01T00:00:00Z') }] };
    expect((await device.connect(app(), { status: 'Acknowledged', commandUuid, payload })).statusCode).toBe(200);
  }

  const enrollmentOf = (identitySha256: string) => context.database().repositories.mdmEnrollments.findByIdentity(identitySha256);

  function expectRefused(response: LightMyRequestResponse, code: string): void {
    expect(response.statusCode, response.body).toBe(403);
    expect(response.body).toContain(code);
  }

  describe('a known UDID with a new identity certificate', () => {
    it('is rebound when the certificate chains to the enrollment CA: same device and inventory, old queue dropped', async () => {
      const { og, device, deviceId, agent } = await enrolledDevice();
      await reportProfile(device, agent, deviceId);
      await queue(agent, deviceId, 'InstalledApplicationList');
      expect((await history(agent, deviceId)).map((entry) => entry.status).sort()).toEqual(['acknowledged', 'pending']);

      // Wiped, then enrolled again through an enrollment profile: a new key, a new certificate.
      const identity = await issueDeviceIdentity(context.ca(), { udidHint: device.udid, og });
      const reborn = new SignedDevice(device.udid, identity, 'fe'.repeat(32));
      expect(reborn.identity.sha256).not.toBe(device.identity.sha256);
      await reborn.enroll(app());

      const { ogs, devices } = context.database().repositories;
      const root = await ogs.rootScope();
      expect(await devices.findByUdid(root, device.udid)).toMatchObject({ id: deviceId, ogId: og.id });
      expect(await devices.profiles(root, deviceId)).toMatchObject([{ profileUuid: PROFILE_UUID }]);
      expect(await history(agent, deviceId)).toEqual([]);
      expect(await enrollmentOf(reborn.identity.sha256)).toMatchObject({ deviceId, udid: device.udid, enabled: true });
      expect(await enrollmentOf(device.identity.sha256)).toBeUndefined();

      // The old certificate speaks for nobody any more; the new one gets the device's commands.
      expectRefused(await device.connect(app(), { status: 'Idle' }), 'mdm.not_enrolled');
      const commandUuid = await queue(agent, deviceId, 'InstalledApplicationList');
      await expect.poll(() => sender.pushes.some((push) => push.token === reborn.token && push.pushMagic === `magic-${reborn.udid}`)).toBe(true);
      expect((await reborn.connect(app(), { status: 'Idle' })).body).toContain(commandUuid);
    });

    it('is refused when the certificate does not chain to the enrollment CA, and the enrolled device is untouched', async () => {
      const { og, device, deviceId, agent } = await enrolledDevice();
      const commandUuid = await queue(agent, deviceId, 'ProvisioningProfileList');
      const impostor = await SignedDevice.issue(openEnrollmentCa(await createEnrollmentCa()), og, device.udid);
      const authenticate = encodeCheckInMessage({ messageType: 'Authenticate', udid: device.udid, topic: TOPIC });
      const tokenUpdate = encodeCheckInMessage({ messageType: 'TokenUpdate', udid: device.udid, topic: TOPIC, token: Buffer.from(impostor.token, 'hex'), pushMagic: 'stolen' });
      expectRefused(await impostor.send(app(), 'checkin', authenticate), 'mdm.identity_untrusted');
      expectRefused(await impostor.send(app(), 'checkin', tokenUpdate), 'mdm.identity_untrusted');
      expectRefused(await impostor.connect(app(), { status: 'Idle' }), 'mdm.identity_untrusted');

      expect(await enrollmentOf(device.identity.sha256)).toMatchObject({ deviceId, enabled: true });
      expect(await enrollmentOf(impostor.identity.sha256)).toBeUndefined();
      expect(await history(agent, deviceId)).toMatchObject([{ commandUuid, status: 'pending' }]);
      await queue(agent, deviceId, 'InstalledApplicationList');
      await expect.poll(() => sender.pushes.filter((push) => push.token === device.token).length).toBe(2);
      expect(sender.pushes.some((push) => push.pushMagic === 'stolen')).toBe(false);
      expect((await device.connect(app(), { status: 'Idle' })).body).toContain(commandUuid);
    });

    it('is refused when the certificate is already bound to another device', async () => {
      const { device: a } = await enrolledDevice();
      const { device: b, deviceId: idOfB, agent } = await enrolledDevice();
      const commandUuid = await queue(agent, idOfB, 'ProvisioningProfileList');
      const takeover = encodeCheckInMessage({ messageType: 'Authenticate', udid: b.udid, topic: TOPIC });
      expectRefused(await a.send(app(), 'checkin', takeover), 'mdm.identity_mismatch');
      expect(await enrollmentOf(b.identity.sha256)).toMatchObject({ deviceId: idOfB, udid: b.udid });
      expect(await enrollmentOf(a.identity.sha256)).toMatchObject({ udid: a.udid });
      expect(await history(agent, idOfB)).toMatchObject([{ commandUuid, status: 'pending' }]);
    });
  });

  describe('a known UDID with an identity issued for another OG', () => {
    const deviceRecord = async (udid: string) => {
      const { ogs, devices } = context.database().repositories;
      return devices.findByUdid(await ogs.rootScope(), udid);
    };
    const deviceStatus = async (agent: Agent, deviceId: number) => (await call(app(), agent, 'GET', `/api/v1/devices/${deviceId}`)).statusCode;

    it('is refused while the device is enrolled in its OG, and nothing changes', async () => {
      const { device, deviceId, agent } = await enrolledDevice();
      const commandUuid = await queue(agent, deviceId, 'ProvisioningProfileList');
      const before = await deviceRecord(device.udid);
      context.clock.advance(1000);

      // An admin of another OG downloads that OG's enrollment profile and claims the UDID.
      const other = await createOg(context.database());
      const intruder = await SignedDevice.issue(context.ca(), other, device.udid);
      const claim = encodeCheckInMessage({ messageType: 'Authenticate', udid: device.udid, topic: TOPIC, deviceName: 'Claimed' });
      const claimed = await intruder.send(app(), 'checkin', claim);
      expect(claimed.statusCode).not.toBe(401);
      expectRefused(claimed, 'mdm.device_enrolled_elsewhere');
      const tokenUpdate = encodeCheckInMessage({ messageType: 'TokenUpdate', udid: device.udid, topic: TOPIC, token: Buffer.from(intruder.token, 'hex'), pushMagic: 'claimed' });
      expectRefused(await intruder.send(app(), 'checkin', tokenUpdate), 'mdm.not_enrolled');
      expectRefused(await intruder.connect(app(), { status: 'Idle' }), 'mdm.not_enrolled');

      expect(await deviceRecord(device.udid)).toEqual(before);
      expect(await enrollmentOf(device.identity.sha256)).toMatchObject({ deviceId, enabled: true });
      expect(await enrollmentOf(intruder.identity.sha256)).toBeUndefined();
      const { agent: otherAdmin } = await adminAgent(app(), context.database(), other.id, 'app-admin');
      expect(await deviceStatus(otherAdmin, deviceId)).toBe(404);
      expect(await history(agent, deviceId)).toMatchObject([{ commandUuid, status: 'pending' }]);
      expect((await device.connect(app(), { status: 'Idle' })).body).toContain(commandUuid);
    });

    it('is allowed from the same OG: a wiped device installing its own OG\'s profile again', async () => {
      const { og, device, deviceId } = await enrolledDevice();
      const reborn = await SignedDevice.issue(context.ca(), og, device.udid);
      await reborn.enroll(app());
      expect(await deviceRecord(device.udid)).toMatchObject({ id: deviceId, ogId: og.id });
      expect(await enrollmentOf(reborn.identity.sha256)).toMatchObject({ deviceId, enabled: true });
      expect(await enrollmentOf(device.identity.sha256)).toBeUndefined();
    });

    it('is allowed after the device checked out, and moves the device into that OG', async () => {
      const { device, deviceId, agent } = await enrolledDevice();
      const checkOut = encodeCheckInMessage({ messageType: 'CheckOut', udid: device.udid, topic: TOPIC });
      expect((await device.send(app(), 'checkin', checkOut)).statusCode).toBe(200);

      const other = await createOg(context.database());
      const newcomer = await SignedDevice.issue(context.ca(), other, device.udid);
      await newcomer.enroll(app());
      expect(await deviceRecord(device.udid)).toMatchObject({ id: deviceId, ogId: other.id });
      expect(await enrollmentOf(newcomer.identity.sha256)).toMatchObject({ deviceId, enabled: true });
      expect(await deviceStatus(agent, deviceId)).toBe(404);
      const { agent: otherAdmin } = await adminAgent(app(), context.database(), other.id, 'app-admin');
      const commandUuid = await queue(otherAdmin, deviceId, 'ProvisioningProfileList');
      expect((await newcomer.connect(app(), { status: 'Idle' })).body).toContain(commandUuid);
    });
  });

  describe('the same identity authenticating again', () => {
    it('keeps the queue: it is the same enrollment', async () => {
      const { device, deviceId, agent } = await enrolledDevice();
      const commandUuid = await queue(agent, deviceId, 'ProvisioningProfileList');
      const authenticate = encodeCheckInMessage({ messageType: 'Authenticate', udid: device.udid, topic: TOPIC });
      expect((await device.send(app(), 'checkin', authenticate)).statusCode).toBe(200);
      expect(await history(agent, deviceId)).toMatchObject([{ commandUuid, status: 'pending' }]);
    });
  });
}, () => sender);
