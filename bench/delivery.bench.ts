/**
 * `npm run bench:delivery -- [--devices 2000] [--database URL] [--queue-rows 1000000]
 *   [--concurrency 16] [--identity signature|proxy] [--cpu-profile FILE] [--fleet-cpu-profile FILE]
 *   [--json]`
 *
 * Command delivery through a real Provisio server (in this process, listening on a local port) to
 * simulated iPhones (a child process running this same file with `--fleet`, so the devices'
 * RSA signing does not compete with the server for its event loop; each gets a core).
 *
 * 1. Not timed: the devices enroll over HTTP (each downloads its enrollment profile, Authenticate,
 *    TokenUpdate); the queue is preloaded with finished and pending rows of other devices so it
 *    holds `--queue-rows` rows; then InstallProvisioningProfile, DeviceInformation and
 *    InstalledApplicationList are queued for every device (one INSERT ... SELECT each). The
 *    server adds a ProvisioningProfileList after each acknowledged install, as in a renewal.
 * 2. Timed: every device is woken once (`--concurrency` connected at a time) and works through
 *    its queue. commandsPerSecond = commands delivered / wall time from the first wake to the
 *    last answer; p50/p95 = round trip of each PUT /mdm/connect as the device measures it, from
 *    sending the signed request to the answer; serverCpuMsPerRequest / fleetCpuMsPerRequest =
 *    each process's CPU time (all threads) per request; machineRsaSignMs = milliseconds per
 *    RSA-2048 signature on this machine just before (see bench/lib/machine-speed.ts).
 *
 * `--identity proxy` has devices prove who they are as behind a TLS-terminating proxy (forwarded
 * client certificate) instead of signing every body: RSA signing costs the fleet ~0.3 ms of CPU
 * per message, which on a 2-core machine is taken from what the server could use.
 *
 * PostgreSQL: `--database postgres://user@host/db` names a server the bench may create a
 * throwaway database on (dropped afterwards). Last stdout line (with --json):
 * `{ "database", "devices", "queueRows", "commandsPerSecond", "p50Ms", "p95Ms", ... }`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadServerConfig } from '../src/config/load-server-config.js';
import { buildApp } from '../src/http/app.js';
import { FileBlobStore } from '../src/io/blob-store.js';
import { buildCommand, INVENTORY_QUERIES, type BuiltCommand } from '../src/mdm/commands/index.js';
import { hashSecret, newApiToken } from '../src/services/auth/secrets.js';
import { Fleet, HttpTransport, enrollmentProfileDownloader, type DeliverySummary } from '../src/simulator/index.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { buildProfile } from '../src/testkit/profile/index.js';
import { rsaSignMs } from './lib/machine-speed.js';
import { scratchDatabase } from './lib/scratch-database.js';

const PUBLIC_URL = 'https://mdm.bench.provisio.test';
/** With `--identity proxy`: where the (pretend) TLS proxy forwards the client certificate. */
const PROXY_HEADER = 'x-client-certificate';
/** Device ids of the preloaded rows start here, far above any real device id. */
const OTHER_DEVICES_FROM = 10_000_000;
/** Rows per preloaded "other device": like a device with a few months of history. */
const ROWS_PER_OTHER_DEVICE = 20;

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
};
const log = (text: string) => void process.stderr.write(`${text}\n`);

/** Messages between the bench (parent) and the fleet (child). */
type ToFleet =
  | {
      readonly kind: 'enroll';
      readonly server: string;
      readonly token: string;
      readonly og: number;
      readonly devices: number;
      readonly concurrency: number;
      readonly forwardedCertificateHeader: string | undefined;
    }
  | { readonly kind: 'deliver' };
type FromFleet =
  | { readonly kind: 'enrolled'; readonly enrolled: number; readonly failures: readonly string[]; readonly seconds: number }
  | { readonly kind: 'delivered'; readonly seconds: number; readonly cpuMs: number; readonly summary: DeliverySummary };

if (args.includes('--fleet')) runFleet();
else await runBench();

// ---------------------------------------------------------------- the fleet (child process)

function runFleet(): void {
  let fleet: Fleet | undefined;
  let transport: HttpTransport | undefined;
  const reply = (message: FromFleet) => process.send?.(message);
  process.on('message', (message: ToFleet) => {
    void (async () => {
      if (message.kind === 'enroll') {
        transport = new HttpTransport({ maxSockets: message.concurrency });
        fleet = new Fleet({
          devices: message.devices,
          concurrency: message.concurrency,
          transport,
          serverOrigin: message.server,
          downloadApps: false,
          forwardedCertificateHeader: message.forwardedCertificateHeader,
        });
        const started = performance.now();
        const download = enrollmentProfileDownloader(transport, { server: message.server, token: message.token, og: message.og });
        const outcome = await fleet.enroll(download);
        reply({ kind: 'enrolled', enrolled: outcome.enrolled, failures: outcome.failures, seconds: (performance.now() - started) / 1000 });
      } else if (fleet) {
        const before = fleet.stats.summary();
        const profiler = await startProfiler(valueOf('--cpu-profile'));
        const started = performance.now();
        const cpu = process.cpuUsage();
        await fleet.wake();
        const seconds = (performance.now() - started) / 1000;
        const cpuMs = cpuMsSince(cpu);
        await profiler.stop();
        reply({ kind: 'delivered', seconds, cpuMs, summary: deltaOf(before, fleet.stats.summary()) });
        transport?.close();
        process.disconnect();
      }
    })();
  });
}

/** CPU time (user + system) this process used since `start`, in milliseconds. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function perRequest(ms: number, requests: number): number {
  return requests === 0 ? 0 : Math.round((ms / requests) * 1000) / 1000;
}

/** Counters of the delivery alone (enrollment made no connect requests, but be exact). */
function deltaOf(before: DeliverySummary, after: DeliverySummary): DeliverySummary {
  return {
    ...after,
    connections: after.connections - before.connections,
    commandsReceived: after.commandsReceived - before.commandsReceived,
    commandsAcknowledged: after.commandsAcknowledged - before.commandsAcknowledged,
    notNow: after.notNow - before.notNow,
    commandsFailed: after.commandsFailed - before.commandsFailed,
    errors: after.errors - before.errors,
    requests: after.requests - before.requests,
  };
}

// ---------------------------------------------------------------- the bench (parent process)

async function runBench(): Promise<void> {
  const devices = Number(valueOf('--devices') ?? 2000);
  const queueRows = Number(valueOf('--queue-rows') ?? 1_000_000);
  const concurrency = Number(valueOf('--concurrency') ?? 16);
  const identity = valueOf('--identity') === 'proxy' ? 'proxy' : 'signature';
  const forwardedCertificateHeader = identity === 'proxy' ? PROXY_HEADER : undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-bench-delivery-'));
  const target = await scratchDatabase(valueOf('--database'), 'delivery');
  const database = await openDatabase(target.url, { migrate: true });
  const settings = { dataDir, database: target.url, publicUrl: PUBLIC_URL, logLevel: 'warn', clientCertHeader: forwardedCertificateHeader };
  const config = loadServerConfig(settings, {});
  const app = await buildApp({ config, database, blobs: new FileBlobStore(dataDir), clock: { now: () => new Date() }, logDestination: { write: () => {} } });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const fleetProfile = valueOf('--fleet-cpu-profile');
  const fleetArgs = ['--fleet', ...(fleetProfile === undefined ? [] : ['--cpu-profile', fleetProfile])];
  const fleet = fork(fileURLToPath(import.meta.url), fleetArgs, { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    log(`server on ${url} (${database.dialect}); enrolling ${devices} devices, ${concurrency} at a time`);
    const { ogId, token } = await ogWithToken(database);
    const enrolled = await ask(fleet, { kind: 'enroll', server: url, token, og: ogId, devices, concurrency, forwardedCertificateHeader }, 'enrolled');
    log(`enrolled ${enrolled.enrolled}/${devices} in ${enrolled.seconds.toFixed(1)} s ${enrolled.failures.join('; ')}`);
    const commands = benchCommands();
    await preloadQueue(database, queueRows - devices * commands.length);
    for (const command of commands) await enqueueForAll(database, ogId, command);
    const rows = await countQueue(database);
    log(`queue holds ${rows} rows; ${commands.length} commands queued per device (+1 follow-up each install)`);
    await logQueryPlan(database);
    const machineRsaSignMs = rsaSignMs();
    const profiler = await startProfiler(valueOf('--cpu-profile'));
    const cpu = process.cpuUsage();
    const { seconds, summary, cpuMs: fleetCpuMs } = await ask(fleet, { kind: 'deliver' }, 'delivered');
    const serverCpuMs = cpuMsSince(cpu);
    await profiler.stop();
    const result = {
      database: database.dialect,
      devices: enrolled.enrolled,
      queueRows: rows,
      commandsPerSecond: Math.round(summary.commandsReceived / seconds),
      p50Ms: summary.p50Ms,
      p95Ms: summary.p95Ms,
      p99Ms: summary.p99Ms,
      commands: summary.commandsReceived,
      acknowledged: summary.commandsAcknowledged,
      requests: summary.requests,
      errors: summary.errors,
      seconds: Math.round(seconds * 1000) / 1000,
      serverCpuMsPerRequest: perRequest(serverCpuMs, summary.requests),
      fleetCpuMsPerRequest: perRequest(fleetCpuMs, summary.requests),
      concurrency,
      identity,
      machineRsaSignMs,
    };
    log(`delivered ${summary.commandsReceived} commands in ${seconds.toFixed(2)} s: ${result.commandsPerSecond} commands/s, p50 ${summary.p50Ms} ms, p95 ${summary.p95Ms} ms, ${summary.errors} errors`);
    process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    fleet.kill();
    await app.close();
    await database.close();
    await target.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function ogWithToken(database: Database): Promise<{ ogId: number; token: string }> {
  const { ogs, tokens } = database.repositories;
  const root = await ogs.rootScope();
  const og = await ogs.create(root, root.ogId, `bench-${randomBytes(3).toString('hex')}`);
  if (!og) throw new Error('could not create the OG');
  const token = newApiToken();
  await tokens.create(root, { name: 'bench', tokenHash: hashSecret(token), ogId: og.id, role: 'app-admin' });
  return { ogId: og.id, token };
}

/** A renewal's install, and the two inventory questions a console asks. */
function benchCommands(): BuiltCommand[] {
  const profile = buildProfile({ bundleId: 'com.example.bench', expirationDate: new Date(Date.now() + 300 * 86_400_000) });
  return [
    buildCommand('InstallProvisioningProfile', { profile }),
    buildCommand('DeviceInformation', { queries: [...INVENTORY_QUERIES] }),
    buildCommand('InstalledApplicationList', {}),
  ];
}

/**
 * `count` rows for devices that are not part of the run, in one statement: each such device has
 * a history of answered commands and, one in ten, a pending one (offline devices).
 */
async function preloadQueue(database: Database, count: number): Promise<void> {
  if (count <= 0) return;
  const started = performance.now();
  const history = Array.from({ length: ROWS_PER_OTHER_DEVICE }, () => buildCommand('ProvisioningProfileList', {}));
  const ids: number[] = [];
  for (const command of history) ids.push(await database.repositories.mdmQueue.addCommand({ ...command, bytes: command.bytes }));
  const first = ids[0]!;
  const now = Date.now();
  const db = database.kysely;
  // Row n: device OTHER_DEVICES_FROM + n / ROWS, command first + n % ROWS; the newest of every
  // tenth device still pending.
  const shape = sql`${sql.lit(OTHER_DEVICES_FROM)} + n / ${sql.lit(ROWS_PER_OTHER_DEVICE)}, ${sql.lit(first)} + n % ${sql.lit(ROWS_PER_OTHER_DEVICE)},
    case when n % ${sql.lit(ROWS_PER_OTHER_DEVICE * 10)} = ${sql.lit(ROWS_PER_OTHER_DEVICE - 1)} then 'pending' else 'acknowledged' end, ${sql.lit(now)}`;
  if (database.dialect === 'postgres') {
    await sql`insert into mdm_queue (device_id, command_id, status, updated_at) select ${shape} from generate_series(0, ${sql.lit(count - 1)}) as n`.execute(db);
    // Vacuumed as well as analyzed: a million rows inserted at once would otherwise have
    // autovacuum visit them while the delivery runs, which a queue that grew over months does not.
    await sql`vacuum analyze mdm_queue`.execute(db);
  } else {
    await sql`with recursive seq(n) as (select 0 union all select n + 1 from seq where n < ${sql.lit(count - 1)})
      insert into mdm_queue (device_id, command_id, status, updated_at) select ${shape} from seq`.execute(db);
    await sql`analyze`.execute(db);
  }
  log(`preloaded ${count} queue rows of other devices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function enqueueForAll(database: Database, ogId: number, command: BuiltCommand): Promise<void> {
  await database.transaction(async ({ ogs, mdmQueue }) => {
    const scope = await ogs.scopeFor(ogId);
    if (!scope) throw new Error(`OG ${ogId} is gone`);
    const commandId = await mdmQueue.addCommand(command);
    await mdmQueue.fanOut(scope, commandId, { kind: 'all' });
  });
}

async function countQueue(database: Database): Promise<number> {
  const { rows } = await sql<{ count: number | string }>`select count(*) as count from mdm_queue`.execute(database.kysely);
  return Number(rows[0]?.count ?? 0);
}

/** How the database finds a device's next command, printed so slow runs can be explained. */
async function logQueryPlan(database: Database): Promise<void> {
  // The statement each dialect runs (see firstPendingQuery in src/store/mdm-delivery-queries.ts).
  const { rows } =
    database.dialect === 'postgres'
      ? await sql<Record<string, unknown>>`explain update mdm_queue set status = 'sent', updated_at = 0
          where device_id = 1 and status = 'pending' and command_id = (select command_id from mdm_queue as open
            where open.device_id = 1 and open.status = 'pending' order by open.command_id limit 1)
          returning command_id, (select c.command_uuid from mdm_commands as c where c.id = mdm_queue.command_id)`.execute(database.kysely)
      : await sql<Record<string, unknown>>`explain query plan select command_id
          from mdm_queue where device_id = 1 and status = 'pending' order by command_id limit 1`.execute(database.kysely);
  log(`next-command plan:\n  ${rows.map((row) => planLine(row)).join('\n  ')}`);
}

/**
 * With `--cpu-profile FILE`, the server's CPU profile of the timed delivery (open it in Chrome
 * DevTools); `--fleet-cpu-profile FILE` profiles the fleet process the same way.
 */
async function startProfiler(file: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (!file) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      log(`CPU profile of the delivery written to ${file}`);
    },
  };
}

function planLine(row: Record<string, unknown>): string {
  const text = row['QUERY PLAN'] ?? row['detail'];
  return typeof text === 'string' ? text : JSON.stringify(row);
}

function ask<K extends FromFleet['kind']>(child: ChildProcess, message: ToFleet, kind: K): Promise<Extract<FromFleet, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: FromFleet) => {
      if (reply.kind !== kind) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(reply as Extract<FromFleet, { kind: K }>);
    };
    const onExit = (code: number | null) => reject(new Error(`the fleet process exited with ${code} before answering ${message.kind}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(message);
  });
}
