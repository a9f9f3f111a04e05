import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApnsClient, type ApnsClientOptions, type PushTarget } from '../../src/mdm/apns/index.js';
import { FakeApns, testCertificate } from './fake-apns.js';
import { clientForFake } from './fake-apns-client.js';

const TOPIC = 'com.apple.mgmt.External.0c7f1f5a-6d1e-4a5e-9a37-3c0f6b8e2d11';
const pushCertificate = testCertificate('APSP:0c7f1f5a-6d1e-4a5e-9a37-3c0f6b8e2d11');

function target(index: number): PushTarget {
  return { token: index.toString(16).padStart(64, '0'), pushMagic: `MAGIC-${index}`, topic: TOPIC };
}

function targets(count: number): PushTarget[] {
  return Array.from({ length: count }, (_, index) => target(index + 1));
}

let fake: FakeApns;
let client: ApnsClient;
let sleeps: number[];

function clientFor(options: Partial<ApnsClientOptions> = {}): ApnsClient {
  return clientForFake(fake, pushCertificate, (milliseconds) => sleeps.push(milliseconds), options);
}

beforeEach(async () => {
  fake = await FakeApns.start();
  sleeps = [];
  client = clientFor();
});

afterEach(async () => {
  await client.close();
  await fake.close();
});

describe('ApnsClient against a local APNs', () => {
  it('posts MDM pushes with the push certificate, topic, push type, priority and push magic', async () => {
    const outcomes = await client.push([target(1), target(2)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['delivered', 'delivered']);
    expect(outcomes[0]).toMatchObject({ target: target(1), attempts: 1 });
    expect(outcomes[0]?.status === 'delivered' && outcomes[0].apnsId).toMatch(/^[0-9A-F-]{36}$/);
    const pushes = [...fake.pushes].sort((a, b) => a.token.localeCompare(b.token));
    expect(pushes[0]).toEqual({
      token: target(1).token,
      topic: TOPIC,
      pushType: 'mdm',
      priority: '10',
      body: { mdm: 'MAGIC-1' },
      clientCommonName: 'APSP:0c7f1f5a-6d1e-4a5e-9a37-3c0f6b8e2d11',
      session: 1,
    });
    expect(fake.sessions).toBe(1);
  });

  it('keeps at most maxConcurrentStreams requests in flight, on one session', async () => {
    await client.close();
    client = clientFor({ maxConcurrentStreams: 4 });
    fake.hold();
    const pushing = client.push(targets(20));
    await fake.whenInFlight(4);
    // Give an unbounded client every chance to open more streams before looking.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.inFlight).toBe(4);
    fake.release();
    fake.hold();
    await fake.whenInFlight(4);
    fake.release();
    const outcomes = await pushing;
    expect(outcomes.every((outcome) => outcome.status === 'delivered')).toBe(true);
    expect(fake.maxInFlight).toBe(4);
    expect(fake.pushes).toHaveLength(20);
    expect(fake.sessions).toBe(1);
  });

  it('shares the bound between concurrent push calls', async () => {
    await client.close();
    client = clientFor({ maxConcurrentStreams: 3 });
    fake.hold();
    const pushing = Promise.all([client.push(targets(5)), client.push(targets(5))]);
    await fake.whenInFlight(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.inFlight).toBe(3);
    fake.release();
    await pushing;
    expect(fake.maxInFlight).toBe(3);
  });

  it('retries 429 and 5xx with jittered exponential backoff', async () => {
    fake.failNext(1, { status: 429, reason: 'TooManyRequests' });
    fake.failNext(1, { status: 500, reason: 'InternalServerError' });
    fake.failNext(1, { status: 503, reason: 'ServiceUnavailable' });
    const [outcome] = await client.push([target(1)]);
    expect(outcome).toMatchObject({ status: 'delivered', attempts: 4 });
    // random() = 0.5 of a ceiling that doubles: 100, 200, 400 ms.
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('gives up after maxAttempts and says the failure is worth retrying later', async () => {
    fake.failNext(10, { status: 503, reason: 'ServiceUnavailable' });
    const [outcome] = await client.push([target(1)]);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'ServiceUnavailable', statusCode: 503, retryable: true, attempts: 4 });
    expect(fake.requests).toBe(4);
  });

  it('reports tokens APNs condemns as invalid_token, without retrying', async () => {
    fake.failTokens([target(1).token], { status: 410, reason: 'Unregistered', timestamp: Date.UTC(2026, 0, 2) });
    fake.failTokens([target(2).token], { status: 400, reason: 'BadDeviceToken' });
    fake.failTokens([target(3).token], { status: 400, reason: 'DeviceTokenNotForTopic' });
    const outcomes = await client.push([target(1), target(2), target(3), target(4)]);
    expect(outcomes).toMatchObject([
      { status: 'invalid_token', reason: 'Unregistered', invalidSince: new Date(Date.UTC(2026, 0, 2)), attempts: 1 },
      { status: 'invalid_token', reason: 'BadDeviceToken', invalidSince: undefined, attempts: 1 },
      { status: 'invalid_token', reason: 'DeviceTokenNotForTopic', attempts: 1 },
      { status: 'delivered' },
    ]);
    expect(fake.requests).toBe(4);
    expect(sleeps).toEqual([]);
  });

  it('does not blame the token for problems of our own configuration', async () => {
    fake.failNext(1, { status: 400, reason: 'TopicDisallowed' });
    fake.failNext(1, { status: 403, reason: 'BadCertificateEnvironment' });
    const outcomes = await client.push([target(1)]).then(async (first) => [...first, ...(await client.push([target(2)]))]);
    expect(outcomes).toMatchObject([
      { status: 'failed', reason: 'TopicDisallowed', statusCode: 400, retryable: false, attempts: 1 },
      { status: 'failed', reason: 'BadCertificateEnvironment', statusCode: 403, retryable: false, attempts: 1 },
    ]);
  });

  it('answers malformed tokens without asking APNs', async () => {
    const outcomes = await client.push([{ ...target(1), token: 'not/hex' }, { ...target(2), token: 'abc' }]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['invalid_token', 'invalid_token']);
    expect(fake.requests).toBe(0);
  });

  it('reconnects after a graceful GOAWAY', async () => {
    await client.close();
    client = clientFor({ maxConcurrentStreams: 1 });
    fake.goAwayAfter(3);
    const outcomes = await client.push(targets(10));
    expect(outcomes.every((outcome) => outcome.status === 'delivered')).toBe(true);
    expect(fake.pushes.filter((push) => push.session === 1)).toHaveLength(3);
    expect(fake.sessions).toBe(2);
    expect(client.sessionsOpened).toBe(2);
  });

  it('retries the streams a GOAWAY or a dropped connection cut off, on a new session', async () => {
    fake.hold();
    const pushing = client.push(targets(6));
    await fake.whenInFlight(6);
    fake.dropConnections();
    const outcomes = await pushing;
    expect(outcomes.every((outcome) => outcome.status === 'delivered' && outcome.attempts === 2)).toBe(true);
    expect(fake.pushes.every((push) => push.session === 2)).toBe(true);
    expect(sleeps).toHaveLength(6);
  });

  it('retries streams the server resets', async () => {
    fake.resetNext(2);
    const [outcome] = await client.push([target(1)]);
    expect(outcome).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(sleeps).toHaveLength(2);
  });

  it('reports an unreachable APNs as retryable after the attempts, without waiting', async () => {
    const origin = fake.origin;
    await client.close();
    await fake.close();
    client = clientFor({ origin });
    const [outcome] = await client.push([target(1)]);
    expect(outcome).toMatchObject({ status: 'failed', retryable: true, attempts: 4, statusCode: undefined });
    expect(client.sessionsOpened).toBe(4);
    fake = await FakeApns.start();
  });

  it('sends nothing for an empty list', async () => {
    expect(await client.push([])).toEqual([]);
    expect(fake.sessions).toBe(0);
  });
});

describe('ApnsClient configuration', () => {
  it('fails at construction, not at the first push, for a bad origin or certificate', () => {
    const key = pushCertificate.privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => new ApnsClient({ origin: 'http://localhost:1', certificate: pushCertificate.pem, privateKey: key })).toThrow(/https/);
    expect(() => new ApnsClient({ certificate: 'not a certificate', privateKey: key })).toThrow();
  });
});
