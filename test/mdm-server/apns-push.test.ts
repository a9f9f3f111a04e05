import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApnsClient, PushOutcome, PushSender, PushTarget } from '../../src/mdm/apns/index.js';
import { encodeCheckInMessage } from '../../src/mdm/protocol/index.js';
import { withMdmTables } from '../../src/store/mdm-sql.js';
import { adminAgent, call, createOg, unique, type Agent } from '../http/fixtures.js';
import { FakeApns, testCertificate } from '../mdm/fake-apns.js';
import { clientForFake } from '../mdm/fake-apns-client.js';
import { forEachMdmApp, SignedDevice, TOPIC } from './harness.js';

/** One `push` call the dispatcher made, once the client answered it. */
interface PushCall {
  readonly targets: readonly PushTarget[];
  readonly outcomes: readonly PushOutcome[];
}

/** Lets the test see what the dispatcher asked the real APNs client to send, and what came of it. */
class ObservedSender implements PushSender {
  readonly calls: PushCall[] = [];

  constructor(private readonly inner: PushSender) {}

  async push(targets: readonly PushTarget[]): Promise<PushOutcome[]> {
    const outcomes = await this.inner.push(targets);
    this.calls.push({ targets: [...targets], outcomes });
    return outcomes;
  }

  /** The first call that pushed `token`, waiting for it. */
  async callFor(token: string): Promise<PushCall> {
    await expect.poll(() => this.calls.some((call) => call.targets.some((target) => target.token === token))).toBe(true);
    return this.calls.find((call) => call.targets.some((target) => target.token === token))!;
  }
}

const pushCertificate = testCertificate('APSP:provisio-test');
let fake: FakeApns;
let client: ApnsClient;
let sender: ObservedSender;
let sleeps: number[] = [];

beforeAll(async () => {
  fake = await FakeApns.start();
  client = clientForFake(fake, pushCertificate, (milliseconds) => sleeps.push(milliseconds));
  sender = new ObservedSender(client);
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

beforeEach(() => {
  sender.calls.length = 0;
  sleeps = [];
});

forEachMdmApp((context) => {
  const app = (): FastifyInstance => context.app();

  async function enrolledDevices(count: number) {
    const og = await createOg(context.database());
    const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
    const devices: { device: SignedDevice; id: number }[] = [];
    for (let index = 0; index < count; index++) {
      const device = await SignedDevice.issue(context.ca(), og, unique('UDID'));
      await device.enroll(app());
      const { ogs, devices: repository } = context.database().repositories;
      const record = await repository.findByUdid(await ogs.rootScope(), device.udid);
      if (record === undefined) throw new Error('the device did not enroll');
      devices.push({ device, id: record.id });
    }
    return { og, agent, devices };
  }

  function enqueue(agent: Agent, deviceIds: readonly number[]) {
    return call(app(), agent, 'POST', '/api/v1/commands', { command: { requestType: 'ProvisioningProfileList' }, target: { deviceIds } });
  }

  async function tokenInvalid(deviceId: number): Promise<boolean> {
    const row = await withMdmTables(context.database().kysely)
      .selectFrom('mdm_enrollments')
      .select('token_invalid')
      .where('device_id', '=', deviceId)
      .executeTakeFirstOrThrow();
    return row.token_invalid === 1;
  }

  describe('pushes through the dispatcher and the APNs client', () => {
    it('sends {"mdm": PushMagic} to the token and topic of each device a command was queued for', async () => {
      const { agent, devices } = await enrolledDevices(2);
      const pushedBefore = fake.pushes.length;
      expect((await enqueue(agent, devices.map(({ id }) => id))).json()).toMatchObject({ queued: 2 });
      const { outcomes } = await sender.callFor(devices[0]!.device.token);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['delivered', 'delivered']);
      const pushed = fake.pushes.slice(pushedBefore).sort((a, b) => a.token.localeCompare(b.token));
      const expected = devices
        .map(({ device }) => ({ token: device.token, topic: TOPIC, pushType: 'mdm', body: { mdm: `magic-${device.udid}` }, clientCommonName: 'APSP:provisio-test' }))
        .sort((a, b) => a.token.localeCompare(b.token));
      expect(pushed).toMatchObject(expected);
    });

    it('retries 429 and 5xx answers with backoff until APNs accepts the push', async () => {
      const { agent, devices } = await enrolledDevices(1);
      const { device } = devices[0]!;
      const requestsBefore = fake.requests;
      fake.failNext(1, { status: 429, reason: 'TooManyRequests' });
      fake.failNext(1, { status: 503, reason: 'ServiceUnavailable' });
      await enqueue(agent, [devices[0]!.id]);
      const { outcomes } = await sender.callFor(device.token);
      expect(outcomes).toMatchObject([{ status: 'delivered', attempts: 3 }]);
      expect(fake.requests - requestsBefore).toBe(3);
      // Half (random 0.5) of a ceiling that doubles from 100 ms.
      expect(sleeps).toEqual([50, 100]);
      expect(fake.pushes.at(-1)).toMatchObject({ token: device.token, body: { mdm: `magic-${device.udid}` } });
      expect(await tokenInvalid(devices[0]!.id)).toBe(false);
    });

    it('marks tokens APNs calls Unregistered or BadDeviceToken invalid, stops pushing them, and a TokenUpdate clears the mark', async () => {
      const { agent, devices } = await enrolledDevices(3);
      const [unregistered, badToken, healthy] = devices as [(typeof devices)[0], (typeof devices)[0], (typeof devices)[0]];
      fake.failTokens([unregistered.device.token], { status: 410, reason: 'Unregistered', timestamp: Date.UTC(2026, 0, 2) });
      fake.failTokens([badToken.device.token], { status: 400, reason: 'BadDeviceToken' });
      await enqueue(agent, devices.map(({ id }) => id));
      const first = await sender.callFor(healthy.device.token);
      expect(first.outcomes.map((outcome) => outcome.status)).toEqual(['invalid_token', 'invalid_token', 'delivered']);
      await expect.poll(() => tokenInvalid(unregistered.id)).toBe(true);
      expect(await tokenInvalid(badToken.id)).toBe(true);
      expect(await tokenInvalid(healthy.id)).toBe(false);
      // Neither was retried: a condemned token is not worth a second attempt.
      expect(sleeps).toEqual([]);

      sender.calls.length = 0;
      const requestsBefore = fake.requests;
      await enqueue(agent, devices.map(({ id }) => id));
      const second = await sender.callFor(healthy.device.token);
      expect(second.targets.map((target) => target.token)).toEqual([healthy.device.token]);
      expect(fake.requests - requestsBefore).toBe(1);

      // The device reports a new token: it is pushed again.
      const renewed = new SignedDevice(unregistered.device.udid, unregistered.device.identity, 'ab'.repeat(32));
      const tokenUpdate = encodeCheckInMessage({
        messageType: 'TokenUpdate',
        udid: renewed.udid,
        topic: TOPIC,
        token: Buffer.from(renewed.token, 'hex'),
        pushMagic: 'magic-renewed',
      });
      expect((await renewed.send(app(), 'checkin', tokenUpdate)).statusCode).toBe(200);
      expect(await tokenInvalid(unregistered.id)).toBe(false);
      sender.calls.length = 0;
      await enqueue(agent, [unregistered.id]);
      const third = await sender.callFor(renewed.token);
      expect(third.outcomes).toMatchObject([{ status: 'delivered' }]);
      expect(fake.pushes.at(-1)).toMatchObject({ token: renewed.token, body: { mdm: 'magic-renewed' } });
    });
  });
}, () => sender);
