import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newApiToken } from '../../src/services/auth/secrets.js';
import { openDatabase } from '../../src/store/database.js';
import { seedEnrolledFleet } from '../../src/testkit/fleet/index.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { appFixture, codeSigner, daysFromNow, profileFor, uniqueBundleId, type ProfileFixture } from '../catalog/fixtures.js';

/*
 * Crash safety of a renewal that reaches 10,000 devices: the server process is killed with
 * SIGKILL at points spread over the request, restarted, and the database must hold either the
 * old state or the complete new one. The admin then sends the same request again, and no device
 * ends with the install queued twice.
 */

const DEVICES = 10_000;
const CHILD = fileURLToPath(new URL('./support/serve-child.ts', import.meta.url));
const KILL_FRACTIONS = [0.3, 0.6, 0.8, 0.95, 1.1];

interface World {
  readonly base: string;
  readonly token: string;
  readonly profileId: number;
  readonly shared: ProfileFixture;
  readonly replacement: ProfileFixture;
  readonly bundleIds: readonly string[];
}

let world: World;
const folders: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const args = ['--import', 'tsx', CHILD, 'serve', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir];
  const child = spawn(process.execPath, [...args, '--trust-anchors', path.join(dataDir, 'test-root.pem'), '--log-level', 'warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PROVISIO_PUSH_SWEEP_SECONDS: '3600' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not get ready: ${stderr}`);
}

function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

function renew(server: Server, token: string): Promise<Response> {
  const form = new FormData();
  form.append('applyToAllApps', 'true');
  form.append('profile', new Blob([world.replacement.bytes]), 'Renewed.mobileprovision');
  return fetch(`${server.url}/api/v1/profiles/${world.profileId}/renewals`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

async function upload(server: Server, token: string, ogId: number, ipa: Uint8Array): Promise<void> {
  const form = new FormData();
  form.append('og', String(ogId));
  form.append('ipa', new Blob([ipa]), 'App.ipa');
  const response = await fetch(`${server.url}/api/v1/apps`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(response.status, await response.text()).toBe(201);
}

/** The old state or the complete new one, read straight from the database; throws on a mix. */
async function renewalState(dataDir: string): Promise<'old' | 'new'> {
  const database = await openDatabase(`sqlite:${path.join(dataDir, 'provisio.db')}`);
  try {
    const db = database.kysely;
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0]?.n ?? -1);
    const status = (await sql<{ status: string }>`select status from profiles where id = ${world.profileId}`.execute(db)).rows[0]?.status;
    const facts = {
      status,
      renewals: await count(sql`select count(*) as n from renewals`),
      newProfiles: await count(sql`select count(*) as n from profiles where uuid = ${world.replacement.uuid}`),
      bundlesOnOld: await count(sql`select count(*) as n from app_version_profiles where profile_id = ${world.profileId}`),
      installCommands: await count(sql`select count(*) as n from mdm_commands where request_type = 'InstallProvisioningProfile'`),
      queued: await count(sql`select count(*) as n from mdm_queue q join mdm_commands c on c.id = q.command_id where c.request_type = 'InstallProvisioningProfile'`),
      audit: await count(sql`select count(*) as n from audit_log where action = 'profile.renew'`),
    };
    if (JSON.stringify(facts) === JSON.stringify({ status: 'active', renewals: 0, newProfiles: 0, bundlesOnOld: 3, installCommands: 0, queued: 0, audit: 0 })) return 'old';
    expect(facts, 'a mix of old and new state').toEqual({ status: 'superseded', renewals: 1, newProfiles: 1, bundlesOnOld: 0, installCommands: 1, queued: DEVICES, audit: 1 });
    return 'new';
  } finally {
    await database.close();
  }
}

async function installsPerDevice(dataDir: string): Promise<{ devices: number; most: number }> {
  const database = await openDatabase(`sqlite:${path.join(dataDir, 'provisio.db')}`);
  try {
    const rows = await sql<{ devices: number; most: number }>`
      select count(*) as devices, max(n) as most from (
        select q.device_id, count(*) as n from mdm_queue q join mdm_commands c on c.id = q.command_id
        where c.request_type = 'InstallProvisioningProfile' group by q.device_id) per_device`.execute(database.kysely);
    return { devices: Number(rows.rows[0]?.devices ?? 0), most: Number(rows.rows[0]?.most ?? 0) };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  const base = mkdtempSync(path.join(tmpdir(), 'provisio-crash-base-'));
  folders.push(base);
  writeFileSync(path.join(base, 'test-root.pem'), testPki().root.pem);
  const signer = codeSigner();
  const prefix = uniqueBundleId('com.crash');
  const shared = profileFor({ bundleId: `${prefix}.*`, signer, expirationDate: daysFromNow(45) });
  const replacement = profileFor({ bundleId: `${prefix}.*`, signer, expirationDate: daysFromNow(400) });
  const bundleIds = ['one', 'two', 'three'].map((name) => `${prefix}.${name}`);
  const token = newApiToken();
  const database = await openDatabase(`sqlite:${path.join(base, 'provisio.db')}`);
  let ogId: number;
  try {
    const root = await database.repositories.ogs.rootScope();
    ogId = root.ogId;
    await database.repositories.tokens.create(root, { name: 'crash-test', tokenHash: hashSecret(token), ogId, role: 'app-admin' });
    await seedEnrolledFleet(database, { ogId, devices: DEVICES, bundleIds, profileUuids: [shared.uuid] });
  } finally {
    await database.close();
  }
  const server = await startServer(base);
  try {
    for (const bundleId of bundleIds) await upload(server, token, ogId, (await appFixture({ bundleId, profile: shared, signer })).ipa);
    const profiles = (await (await fetch(`${server.url}/api/v1/profiles`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: number; uuid: string }[] };
    const profileId = profiles.items.find((profile) => profile.uuid === shared.uuid)?.id ?? 0;
    world = { base, token, profileId, shared, replacement, bundleIds };
  } finally {
    await stop(server, 'SIGTERM');
  }
}, 120_000);

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function copyOfBase(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'provisio-crash-'));
  folders.push(folder);
  cpSync(world.base, folder, { recursive: true });
  return folder;
}

describe('a renewal to 10,000 devices killed with SIGKILL', () => {
  it('leaves the old state or the complete new one, and a retry never queues an install twice', { timeout: 300_000 }, async () => {
    // An uninterrupted run first: how long the request takes, and the complete new state.
    const reference = copyOfBase();
    const first = await startServer(reference);
    const started = performance.now();
    const response = await renew(first, world.token);
    const requestMs = performance.now() - started;
    expect(response.status, await response.text()).toBe(201);
    await stop(first, 'SIGKILL');
    expect(await renewalState(reference)).toBe('new');

    for (const fraction of KILL_FRACTIONS) {
      const folder = copyOfBase();
      const server = await startServer(folder);
      const pending = renew(server, world.token).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, requestMs * fraction * (0.8 + Math.random() * 0.4))));
      await stop(server, 'SIGKILL');
      await pending;
      process.stderr.write(`kill at ${fraction}: ${await renewalState(folder)} (request ${Math.round(requestMs)} ms)\n`);

      const restarted = await startServer(folder);
      try {
        const retry = await renew(restarted, world.token);
        expect([200, 201], await retry.text()).toContain(retry.status);
      } finally {
        await stop(restarted, 'SIGTERM');
      }
      expect(await renewalState(folder)).toBe('new');
      expect(await installsPerDevice(folder)).toEqual({ devices: DEVICES, most: 1 });
    }
  });
});
