import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/mdm/commands/index.js';
import { Fleet } from '../../src/simulator/index.js';
import { buildProfile } from '../../src/testkit/profile/index.js';
import { startSimulatorServer, type SimulatorServer } from './harness.js';

const RENEWED_UUID = 'D2F0C1B7-5E3A-4C8B-9A10-6B2E7F4D3C21';

let server: SimulatorServer;

beforeAll(async () => {
  server = await startSimulatorServer();
});

afterAll(async () => {
  await server.close();
});

/** Locked on every other connection: deterministic, and half the fleet says NotNow at first. */
function alternating(): () => number {
  let calls = 0;
  return () => (calls++ % 2 === 0 ? 0 : 0.99);
}

describe('Fleet', () => {
  it('gets a profile onto every device, locked ones included, by retrying those that said NotNow', async () => {
    const fleet = new Fleet({ devices: 6, concurrency: 3, transport: server.transport, serverOrigin: server.url, lockedRatio: 0.5, random: alternating() });
    const outcome = await fleet.enroll(server.enrollmentProfile);
    expect(outcome).toMatchObject({ enrolled: 6, failed: 0 });

    const profile = buildProfile({ bundleId: 'com.example.fleet', uuid: RENEWED_UUID, expirationDate: new Date(Date.now() + 200 * 86_400_000) });
    await server.enqueue(buildCommand('InstallProvisioningProfile', { profile }), fleet.devices.map((device) => device.udid));
    await fleet.run({ durationMs: 0 });

    const report = fleet.report();
    expect(fleet.devices.every((device) => device.profiles.has(RENEWED_UUID))).toBe(true);
    expect(report.notNow).toBeGreaterThan(0);
    expect(report).toMatchObject({ devices: 6, enrolled: 6, errors: 0, commandsFailed: 0, repeatedAfterNotNow: 0, prompts: 0, reinstalls: 0 });
    // Each device acknowledged the install and the ProvisioningProfileList the server follows it with.
    expect(report.commandsAcknowledged).toBe(12);
  });

  it('leaves no abort listener behind after a long run of passes', async () => {
    const fleet = new Fleet({ devices: 1, concurrency: 1, transport: server.transport, serverOrigin: server.url });
    await fleet.enroll(server.enrollmentProfile);
    const controller = new AbortController();
    await fleet.run({ durationMs: 300, intervalMs: 5, signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
