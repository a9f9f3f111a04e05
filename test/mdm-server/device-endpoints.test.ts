import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createEnrollmentCa, openEnrollmentCa } from '../../src/mdm/enrollment/index.js';
import { encodeCheckInMessage, encodeCommandResponse, parseCheckInMessage, parseCommandResponse } from '../../src/mdm/protocol/index.js';
import { withMdmTables } from '../../src/store/mdm-sql.js';
import { adminAgent, call, createOg, unique } from '../http/fixtures.js';
import { forEachMdmApp, RecordingPushSender, SignedDevice, TOPIC } from './harness.js';

const corpusDir = path.resolve(import.meta.dirname, '../../../shared/corpus/mdm');
const corpusMissing = (() => {
  try {
    return readdirSync(corpusDir).length === 0;
  } catch {
    return true;
  }
})();

/** Device endpoints may answer 200, 400, 403 or 500: never 401, which makes devices unenroll. */
function expectRefused(response: LightMyRequestResponse, status: 400 | 403): void {
  expect(response.statusCode).not.toBe(401);
  expect(response.statusCode, response.body).toBe(status);
}

const sender = new RecordingPushSender();

forEachMdmApp((context) => {
  const app = (): FastifyInstance => context.app();

  async function enrolled(ogId?: number) {
    const og = await createOg(context.database(), ogId);
    const device = await SignedDevice.issue(context.ca(), og, unique('UDID'));
    await device.enroll(app());
    return { og, device };
  }

  async function deviceId(udid: string): Promise<number> {
    const { ogs, devices } = context.database().repositories;
    const found = await devices.findByUdid(await ogs.rootScope(), udid);
    if (found === undefined) throw new Error(`${udid} is not enrolled`);
    return found.id;
  }

  describe('enrollment', () => {
    it('creates the device in the OG its identity was issued for and stores its push token', async () => {
      const { og, device } = await enrolled();
      const { ogs, devices } = context.database().repositories;
      expect(await devices.findByUdid(await ogs.rootScope(), device.udid)).toMatchObject({ ogId: og.id, name: `iPhone ${device.udid}` });
      const enrollment = await context.database().repositories.mdmEnrollments.findByIdentity(device.identity.sha256);
      expect(enrollment).toMatchObject({ udid: device.udid, ogId: og.id, enabled: true });
    });

    it('serves a .mobileconfig to admins who may manage devices of the OG, and 404 outside their scope', async () => {
      const database = context.database();
      const og = await createOg(database);
      const other = await createOg(database);
      const { agent } = await adminAgent(app(), database, og.id, 'app-admin');
      const response = await call(app(), agent, 'GET', `/api/v1/ogs/${og.id}/enrollment-profile`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('application/x-apple-aspen-config');
      expect(response.body).toContain('com.apple.mdm');
      expect(response.body).toContain(`${'https://mdm.provisio.test'}/mdm/checkin`);
      expect((await call(app(), agent, 'GET', `/api/v1/ogs/${other.id}/enrollment-profile`)).statusCode).toBe(404);
      const { agent: reader } = await adminAgent(app(), database, og.id, 'read-only');
      expect((await call(app(), reader, 'GET', `/api/v1/ogs/${og.id}/enrollment-profile`)).statusCode).toBe(403);
    });

    it('disables the device and clears its queue on CheckOut', async () => {
      const { og, device } = await enrolled();
      const { agent } = await adminAgent(app(), context.database(), og.id, 'system');
      const id = await deviceId(device.udid);
      expect((await call(app(), agent, 'POST', `/api/v1/devices/${id}/commands`, { requestType: 'ProvisioningProfileList' })).statusCode).toBe(202);
      const checkOut = await device.send(app(), 'checkin', encodeCheckInMessage({ messageType: 'CheckOut', udid: device.udid, topic: TOPIC }));
      expect(checkOut.statusCode).toBe(200);
      const history = await call(app(), agent, 'GET', `/api/v1/devices/${id}/commands`);
      expect(history.json()).toEqual({ items: [], nextCursor: null });
      expectRefused(await device.connect(app(), { status: 'Idle' }), 403);
      expect((await call(app(), agent, 'POST', `/api/v1/devices/${id}/commands`, { requestType: 'ProvisioningProfileList' })).json()).toMatchObject({ queued: 0 });
    });
  });

  describe('commands over the connect endpoint', () => {
    it('pushes the device after an enqueue, hands out the command, and records the result in the inventory', async () => {
      const { og, device } = await enrolled();
      const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
      const id = await deviceId(device.udid);
      const queued = await call(app(), agent, 'POST', `/api/v1/devices/${id}/commands`, { requestType: 'ProvisioningProfileList' });
      expect(queued.statusCode, queued.body).toBe(202);
      const { commandUuid } = queued.json<{ commandUuid: string }>();
      await expect.poll(() => sender.pushes.some((push) => push.token === device.token && push.pushMagic === `magic-${device.udid}`)).toBe(true);

      const offered = await device.connect(app(), { status: 'Idle' });
      expect(offered.statusCode).toBe(200);
      expect(offered.headers['content-type']).toContain('xml');
      expect(offered.body).toContain(commandUuid);
      const payload = { ProvisioningProfileList: [{ Name: 'Sales', UUID: 'PROFILE-UUID-1', ExpiryDate: new Date('2027-01-01T00:00:00Z') }] };
      const done = await device.connect(app(), { status: 'Acknowledged', commandUuid, payload });
      expect(done.statusCode).toBe(200);
      expect(done.body).toBe('');
      const { devices, ogs } = context.database().repositories;
      expect(await devices.profiles(await ogs.rootScope(), id)).toMatchObject([{ profileUuid: 'PROFILE-UUID-1', expiresAt: new Date('2027-01-01T00:00:00Z') }]);
      const history = await call(app(), agent, 'GET', `/api/v1/devices/${id}/commands`);
      expect(history.json()).toMatchObject({ items: [{ commandUuid, requestType: 'ProvisioningProfileList', status: 'acknowledged' }] });
    });

    it('fans a command out to every device with an app installed, and marks refused push tokens invalid', async () => {
      const { og, device } = await enrolled();
      const { device: other } = await enrolled(og.id);
      const { device: without } = await enrolled(og.id);
      const { devices, ogs } = context.database().repositories;
      const root = await ogs.rootScope();
      for (const holder of [device, other]) await devices.recordInstallations(root, await deviceId(holder.udid), [{ bundleId: 'com.acme.fanout' }], new Date());
      sender.invalidTokens.add(other.token);
      const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
      const response = await call(app(), agent, 'POST', '/api/v1/commands', {
        command: { requestType: 'InstalledApplicationList' },
        target: { installedBundleId: 'com.acme.fanout' },
      });
      expect(response.json()).toMatchObject({ queued: 2 });
      await expect.poll(() => sender.pushes.filter((push) => push.token === other.token).length).toBe(1);
      const idOfOther = await deviceId(other.udid);
      const tokenInvalid = async () =>
        (await withMdmTables(context.database().kysely).selectFrom('mdm_enrollments').select('token_invalid').where('device_id', '=', idOfOther).executeTakeFirstOrThrow()).token_invalid;
      await expect.poll(tokenInvalid).toBe(1);
      expect(sender.pushes.some((push) => push.token === without.token && push.topic === TOPIC)).toBe(false);
    });
  });

  describe('isolation', () => {
    it("never lets device B fetch or acknowledge device A's commands", async () => {
      const { og, device: a } = await enrolled();
      const { device: b } = await enrolled(og.id);
      const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
      const idA = await deviceId(a.udid);
      const { commandUuid } = (await call(app(), agent, 'POST', `/api/v1/devices/${idA}/commands`, { requestType: 'ProvisioningProfileList' })).json<{
        commandUuid: string;
      }>();
      const fetched = await b.connect(app(), { status: 'Idle' });
      expect(fetched.statusCode).toBe(200);
      expect(fetched.body).toBe('');
      expect((await b.connect(app(), { status: 'Acknowledged', commandUuid, payload: { ProvisioningProfileList: [] } })).statusCode).toBe(200);
      // B signing a message that names A is refused outright.
      expectRefused(await b.send(app(), 'connect', encodeCommandResponse({ udid: a.udid, status: 'Idle' })), 403);
      expectRefused(await b.send(app(), 'connect', encodeCommandResponse({ udid: a.udid, status: 'Acknowledged', commandUuid })), 403);
      const history = await call(app(), agent, 'GET', `/api/v1/devices/${idA}/commands`);
      expect(history.json()).toMatchObject({ items: [{ commandUuid, status: 'pending' }] });
      expect((await a.connect(app(), { status: 'Idle' })).body).toContain(commandUuid);
    });

    it('answers messages of several devices sent at once each on its own, a refused one changing nothing of the others', async () => {
      const { og, device: a } = await enrolled();
      const { device: b } = await enrolled(og.id);
      const { device: c } = await enrolled(og.id);
      const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
      const queue = async (udid: string) =>
        (await call(app(), agent, 'POST', `/api/v1/devices/${await deviceId(udid)}/commands`, { requestType: 'ProvisioningProfileList' })).json<{
          commandUuid: string;
        }>().commandUuid;
      const [forA, forC] = [await queue(a.udid), await queue(c.udid)];
      const [toA, toB, toC] = await Promise.all([
        a.connect(app(), { status: 'Idle' }),
        b.send(app(), 'connect', encodeCommandResponse({ udid: a.udid, status: 'Idle' })),
        c.connect(app(), { status: 'Idle' }),
      ]);
      expect(toA.body).toContain(forA);
      expectRefused(toB, 403);
      expect(toC.body).toContain(forC);
      const [doneA, doneC] = await Promise.all([
        a.connect(app(), { status: 'Acknowledged', commandUuid: forA, payload: { ProvisioningProfileList: [] } }),
        c.connect(app(), { status: 'Acknowledged', commandUuid: forC, payload: { ProvisioningProfileList: [] } }),
      ]);
      expect([doneA.statusCode, doneC.statusCode]).toEqual([200, 200]);
      for (const [udid, commandUuid] of [
        [a.udid, forA],
        [c.udid, forC],
      ] as const) {
        const history = await call(app(), agent, 'GET', `/api/v1/devices/${await deviceId(udid)}/commands`);
        expect(history.json()).toMatchObject({ items: [{ commandUuid, status: 'acknowledged' }] });
      }
    });

    it('refuses missing, forged, foreign and mismatched identities with 403, and bad bodies with 400, never 401', async () => {
      const { og, device } = await enrolled();
      const idle = encodeCommandResponse({ udid: device.udid, status: 'Idle' });
      const put = (url: string, headers: Record<string, string>, payload: Buffer) => app().inject({ method: 'PUT', url, headers, payload });
      for (const url of ['/mdm/connect', '/mdm/checkin']) {
        expectRefused(await put(url, { 'content-type': 'application/x-apple-aspen-mdm' }, Buffer.from(idle)), 403);
        const forged = encodeCommandResponse({ udid: device.udid, status: 'NotNow', commandUuid: 'X' });
        expectRefused(await put(url, { 'mdm-signature': device.sign(idle) }, Buffer.from(forged)), 403);
        expectRefused(await put(url, { 'mdm-signature': 'not a signature!' }, Buffer.from(idle)), 403);
        expectRefused(await put(url, { 'mdm-signature': device.sign(Buffer.from('nonsense')) }, Buffer.from('nonsense')), 400);
        expectRefused(await put(url, { 'mdm-signature': device.sign(new Uint8Array()) }, Buffer.alloc(0)), 400);
      }
      const stranger = openEnrollmentCa(await createEnrollmentCa());
      const outsider = await SignedDevice.issue(stranger, og, device.udid);
      expectRefused(await outsider.connect(app(), { status: 'Idle' }), 403);
      const authenticate = encodeCheckInMessage({ messageType: 'Authenticate', udid: device.udid, topic: TOPIC });
      expectRefused(await outsider.send(app(), 'checkin', authenticate), 403);
      // An identity already bound to one device cannot authenticate as another.
      expectRefused(await device.send(app(), 'checkin', encodeCheckInMessage({ messageType: 'Authenticate', udid: unique('UDID'), topic: TOPIC })), 403);
      const big = Buffer.alloc(17 * 1024 * 1024, 0x20);
      expectRefused(await put('/mdm/connect', { 'mdm-signature': device.sign(idle) }, big), 400);
    });
  });

  describe.skipIf(corpusMissing)('corpus messages', () => {
    it('accepts every device message of the corpus', async () => {
      const og = await createOg(context.database());
      let accepted = 0;
      for (const file of readdirSync(corpusDir)) {
        const body = readFileSync(path.join(corpusDir, file));
        const udid = udidOf(body);
        if (udid === undefined) continue;
        const device = await SignedDevice.issue(context.ca(), og, `${udid}`);
        const authenticate = encodeCheckInMessage({ messageType: 'Authenticate', udid, topic: TOPIC });
        const isAuthenticate = file.includes('Authenticate');
        if (!isAuthenticate) expect((await device.send(app(), 'checkin', authenticate)).statusCode).toBe(200);
        const endpoint = isCheckIn(body) ? 'checkin' : 'connect';
        const response = await device.send(app(), endpoint, body);
        expect(response.statusCode, `${file}: ${response.body}`).toBe(200);
        accepted++;
        // Free the UDID for the next file's identity.
        await device.send(app(), 'checkin', encodeCheckInMessage({ messageType: 'CheckOut', udid, topic: TOPIC }));
        await context.database().kysely.deleteFrom('devices').where('udid', '=', udid).execute();
      }
      expect(accepted).toBeGreaterThanOrEqual(8);
    });
  });
}, () => sender);

function isCheckIn(body: Uint8Array): boolean {
  try {
    return parseCheckInMessage(body).kind !== 'unsupported';
  } catch {
    return false;
  }
}

/** The UDID of a device message; undefined for files that are not one (commands, fragments). */
function udidOf(body: Uint8Array): string | undefined {
  try {
    if (isCheckIn(body)) return parseCheckInMessage(body).udid;
    return parseCommandResponse(body).udid;
  } catch {
    return undefined;
  }
}
