import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import type { Database } from '../../src/store/database.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { createOg, tokenAgent, type Agent } from '../http/fixtures.js';
import { testClock, testConfig } from '../http/harness.js';
import { RecordingPushSender, TOPIC } from '../mdm-server/harness.js';
import { createTestDatabase } from '../store/harness.js';

/** What devices are told the server is called; the simulator re-points it at {@link E2eServer.url}. */
const PUBLIC_URL = 'https://mdm.provisio.test';

/**
 * A real Provisio server listening on a local port over a fresh SQLite database: the test PKI
 * trusted for uploads, pushes recorded, the push sweep off (the test wakes devices itself).
 */
export interface E2eServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly pushes: RecordingPushSender;
  readonly ogId: number;
  /** An app-admin API token of the OG, as the simulator and a CI job use one. */
  readonly token: string;
  readonly agent: Agent;
  close(): Promise<void>;
}

export async function startE2eServer(): Promise<E2eServer> {
  const store = await createTestDatabase('sqlite');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-e2e-'));
  const anchors = path.join(dataDir, 'test-root.pem');
  writeFileSync(anchors, testPki().root.pem);
  const config = testConfig(dataDir, { publicUrl: PUBLIC_URL, trustAnchors: anchors, logLevel: 'warn', pushSweepSeconds: '0', mdmTopic: TOPIC });
  const pushes = new RecordingPushSender();
  const app = await buildApp({
    config,
    database: store.database,
    blobs: new FileBlobStore(dataDir),
    clock: testClock(),
    pushSender: pushes,
    logDestination: { write: () => {} },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const og = await createOg(store.database);
  const { secret, agent } = await tokenAgent(store.database, og.id, 'app-admin');
  return {
    url,
    app,
    database: store.database,
    pushes,
    ogId: og.id,
    token: secret,
    agent,
    async close() {
      await app.close();
      await store.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A repeatable stand-in for Math.random, so a run locks the same share of connections every
 * time: the Lehmer generator with the multiplier 48271 modulo the prime 2^31 - 1.
 */
export function seededRandom(seed: number): () => number {
  const modulus = 2_147_483_647;
  let state = (Math.abs(Math.trunc(seed)) % (modulus - 1)) + 1;
  return () => {
    state = (state * 48_271) % modulus;
    return (state - 1) / (modulus - 1);
  };
}
