import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpiryScanService } from '../../src/services/lifecycle/expiry-scan.service.js';
import { Fleet } from '../../src/simulator/index.js';
import { defined } from '../store/builders.js';
import { startSimulatorServer, type SimulatorServer } from '../simulator/harness.js';
import { appExpiringAt, inDays, manualClock, NOW } from '../lifecycle/world.js';

const DEVICES = 8;

let server: SimulatorServer;

beforeAll(async () => {
  server = await startSimulatorServer();
});

afterAll(async () => {
  await server.close();
});

describe('device notices through the simulator', () => {
  it('shows each device user exactly one notice per threshold, however often the scan runs', async () => {
    const fleet = new Fleet({ devices: DEVICES, concurrency: 4, transport: server.transport, serverOrigin: server.url, collectNotices: true });
    const enrollment = await fleet.enroll(server.enrollmentProfile);
    expect(enrollment).toMatchObject({ enrolled: DEVICES, failed: 0 });

    // The inventory says every device runs an app whose profile expires in 20 days.
    const { ogs, devices } = server.database.repositories;
    const scope = defined(await ogs.scopeFor(server.ogId));
    const og = { og: defined(await ogs.get(scope, server.ogId)), scope };
    const expiresAt = inDays(20);
    const { app, version } = await appExpiringAt(server.database, og, expiresAt);
    for (const device of fleet.devices) {
      const row = defined(await devices.findByUdid(scope, device.udid));
      await devices.recordInstallations(scope, row.id, [{ bundleId: app.bundleId, appVersionId: version.id }], NOW);
    }

    const clock = manualClock(NOW);
    const scanner = new ExpiryScanService({ database: server.database, clock });
    const scanAndConnect = async (times: number) => {
      for (let run = 0; run < times; run++) {
        await scanner.scan();
        await fleet.wake();
      }
    };
    const shown = () => fleet.devices.map((device) => device.notices.map((notice) => notice.text));

    await scanAndConnect(2);
    expect(shown().every((texts) => texts.length === 1 && texts[0]?.includes(`"${app.name}" will stop opening on ${expiresAt.toISOString().slice(0, 10)}`))).toBe(true);

    clock.advanceDays(7);
    await scanAndConnect(2);
    expect(shown().every((texts) => texts.length === 2)).toBe(true);

    clock.set(new Date(expiresAt.getTime() + 3_600_000));
    await scanAndConnect(2);
    expect(shown().every((texts) => texts.length === 3 && texts[2]?.includes('has expired'))).toBe(true);
    expect(fleet.report()).toMatchObject({ devices: DEVICES, errors: 0, notices: 3 * DEVICES });
  });
});
