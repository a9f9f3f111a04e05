import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { bufferIo } from '../../src/cli/io.js';
import { startSimulatorServer, type SimulatorServer } from './harness.js';

let server: SimulatorServer;

beforeAll(async () => {
  server = await startSimulatorServer();
});

afterAll(async () => {
  await server.close();
});

describe('provisio simulate', () => {
  it('enrolls the devices into the OG and prints the figures as the last JSON line', async () => {
    const io = bufferIo();
    const args = ['simulate', '--server', server.url, '--token', server.token, '--og', String(server.ogId), '--devices', '3'];
    const code = await main([...args, '--concurrency', '2', '--locked-ratio', '0.2', '--json'], io);
    expect(io.err()).not.toMatch(/failed/);
    expect(code).toBe(0);
    const report = JSON.parse(io.out().trim().split('\n').pop() ?? '') as Record<string, unknown>;
    expect(report).toMatchObject({ devices: 3, enrolled: 3, errors: 0, connections: 3, prompts: 0, reinstalls: 0 });
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['commandsReceived', 'commandsAcknowledged', 'notNow', 'p50Ms', 'p95Ms']));
    const { ogs, devices } = server.database.repositories;
    const scope = await ogs.scopeFor(server.ogId);
    const listed = await devices.list(scope!, {});
    expect(listed.items).toHaveLength(3);
  });

  it('with --collect-notices, each device fetches its notices after every connection', async () => {
    const noticeRequests = async () => {
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      const line = metrics.split('\n').find((text) => text.includes('route="/mdm/notices"') && text.includes('status="200"') && !text.includes('_bucket'));
      return line === undefined ? 0 : Number(line.trim().split(/\s+/).pop());
    };
    const before = await noticeRequests();
    const io = bufferIo();
    const args = ['simulate', '--server', server.url, '--token', server.token, '--og', String(server.ogId), '--devices', '2', '--collect-notices', '--json'];
    expect(await main(args, io)).toBe(0);
    const report = JSON.parse(io.out().trim().split('\n').pop() ?? '') as Record<string, unknown>;
    expect(report).toMatchObject({ enrolled: 2, errors: 0, notices: 0 });
    expect((await noticeRequests()) - before).toBeGreaterThanOrEqual(2);
  });

  it('fails cleanly with exit 1 when the token is refused', async () => {
    const io = bufferIo();
    const code = await main(['simulate', '--server', server.url, '--token', 'prv_nope', '--og', String(server.ogId), '--devices', '1'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/enrollment failed: .*HTTP 401/);
  });

  it('refuses a locked ratio outside 0 … 1 as a usage error', async () => {
    const io = bufferIo();
    const code = await main(['simulate', '--server', server.url, '--token', 't', '--og', '1', '--locked-ratio', '1.5'], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/from 0 to 1/);
  });
});
