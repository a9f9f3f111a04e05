import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import type { BuiltCommand } from '../../src/mdm/commands/index.js';
import { hashSecret, newApiToken } from '../../src/services/auth/secrets.js';
import { enrollmentProfileDownloader, HttpTransport } from '../../src/simulator/index.js';
import type { DialectName } from '../../src/store/database-url.js';
import type { Database } from '../../src/store/database.js';
import { createOg, unique } from '../http/fixtures.js';
import { testClock, testConfig, type TestClock } from '../http/harness.js';
import { createTestDatabase, type TestDatabase } from '../store/harness.js';
import { testPki } from '../../src/testkit/pki/index.js';

/** What devices are told the server is called; the simulator re-points it at {@link SimulatorServer.url}. */
export const PUBLIC_URL = 'https://mdm.provisio.test';

/** A real Provisio server listening on a local port, with one OG and an admin token for it. */
export interface SimulatorServer {
  readonly url: string;
  readonly token: string;
  readonly ogId: number;
  readonly clock: TestClock;
  readonly app: FastifyInstance;
  readonly database: Database;
  /** The HTTP transport the test's simulated devices share; closed with the server. */
  readonly transport: HttpTransport;
  /** Downloads an enrollment profile for the OG over {@link transport}, with the admin token. */
  readonly enrollmentProfile: () => Promise<Uint8Array>;
  /** Queues `command` for the devices with these UDIDs, straight in the store. */
  enqueue(command: BuiltCommand, udids: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

interface SimulatorServerOptions {
  /** Trust profiles signed by the test PKI, as a test lab would. */
  readonly trustTestPki?: boolean;
  /** Connections the devices' transport keeps open at most. */
  readonly maxSockets?: number;
}

/** Starts the server over a fresh migrated database of `dialect`. */
export async function startSimulatorServer(dialect: DialectName = 'sqlite', options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const store: TestDatabase = await createTestDatabase(dialect);
  const database = store.database;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-simulator-'));
  const clock = testClock();
  // Uploads of profiles signed by the test PKI need its root as an extra anchor, as a test lab would set it.
  const anchors = path.join(dataDir, 'test-root.pem');
  if (options.trustTestPki === true) writeFileSync(anchors, testPki().root.pem);
  const trust = options.trustTestPki === true ? { trustAnchors: anchors } : {};
  const config = testConfig(dataDir, { publicUrl: PUBLIC_URL, logLevel: 'warn', ...trust });
  const app = await buildApp({ config, database, blobs: new FileBlobStore(dataDir), clock, logDestination: { write: () => {} } });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const og = await createOg(database);
  const token = await adminToken(database, og.id);
  const transport = new HttpTransport({ maxSockets: options.maxSockets ?? 4 });
  return {
    url,
    token,
    ogId: og.id,
    clock,
    app,
    database,
    transport,
    enrollmentProfile: enrollmentProfileDownloader(transport, { server: url, token, og: og.id }),
    enqueue: (command, udids) => enqueue(database, command, udids),
    async close() {
      transport.close();
      await app.close();
      await store.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminToken(database: Database, ogId: number): Promise<string> {
  const secret = newApiToken();
  const { ogs, tokens } = database.repositories;
  await tokens.create(await ogs.rootScope(), { name: unique('simulator'), tokenHash: hashSecret(secret), ogId, role: 'app-admin' });
  return secret;
}

async function enqueue(database: Database, command: BuiltCommand, udids: readonly string[]): Promise<number> {
  return database.transaction(async ({ ogs, devices, mdmQueue }) => {
    const root = await ogs.rootScope();
    const deviceIds: number[] = [];
    for (const udid of udids) {
      const device = await devices.findByUdid(root, udid);
      if (!device) throw new Error(`device ${udid} is not enrolled`);
      deviceIds.push(device.id);
    }
    const commandId = await mdmQueue.addCommand({ commandUuid: command.commandUuid, requestType: command.requestType, bytes: command.bytes });
    return mdmQueue.fanOut(root, commandId, { kind: 'devices', deviceIds });
  });
}
