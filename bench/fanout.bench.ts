/**
 * `npm run bench:fanout -- --devices 1000000 [--database postgres://…] [--json]`
 *
 * Enrolls N devices straight in the database (one bulk INSERT ... SELECT, not timed), then times
 * what the API does for "this command to every device": store the command and queue it for all
 * of them in one INSERT ... SELECT, in one transaction, until it has committed. On SQLite the
 * commit is made durable (synchronous=FULL) for the timed part; pushes are not included (they
 * run in the background after the API answers). With --database, a scratch database is created
 * on that server and dropped afterwards; without, a temporary SQLite file is used.
 *
 * Before each timed fan-out the database writes out what the setup left in memory (a
 * CHECKPOINT), so the time is the fan-out's own, not the flushing of a million enrollments
 * still in the log. `seconds` is the first fan-out, into an empty queue; `secondSeconds` a
 * second command to the same devices, whose rows now land between the first one's.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildCommand } from '../src/mdm/commands/index.js';
import { openDatabase, type Database } from '../src/store/index.js';
import { round, timeMs } from './lib/stats.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const devices = Number(valueOf('--devices') ?? 1_000_000);
const adminUrl = valueOf('--database');

const target = adminUrl === undefined ? sqliteTarget() : await postgresTarget(adminUrl);
try {
  const database = await openDatabase(target.url);
  try {
    const enrollMs = await timeMs(() => enrollDevices(database, devices));
    log(`enrolled ${devices} devices in ${round(enrollMs / 1000, 1)} s (not timed)`);
    if (database.dialect === 'sqlite') await sql`pragma synchronous = FULL`.execute(database.kysely);
    const first = await timedFanOut(database);
    const second = await timedFanOut(database);
    console.log(JSON.stringify({ database: database.dialect, devices, seconds: first, secondSeconds: second }));
  } finally {
    await database.close();
  }
} finally {
  await target.dispose();
}

/** Seconds one fan-out to every device takes, after a checkpoint (not timed). */
async function timedFanOut(database: Database): Promise<number> {
  await checkpoint(database);
  let queued = 0;
  const ms = await timeMs(async () => {
    queued = await fanOutToAll(database);
  });
  if (queued !== devices) throw new Error(`queued ${queued} rows for ${devices} devices`);
  log(`queued one command for ${queued} devices in ${round(ms / 1000, 3)} s`);
  return round(ms / 1000, 3);
}

async function checkpoint(database: Database): Promise<void> {
  await (database.dialect === 'postgres' ? sql`checkpoint` : sql`pragma wal_checkpoint(TRUNCATE)`).execute(database.kysely);
}

/** The fan-out exactly as the command service runs it, without the background push. */
async function fanOutToAll(database: Database): Promise<number> {
  return database.transaction(async ({ mdmQueue, ogs }) => {
    const id = await mdmQueue.addCommand(buildCommand('ProvisioningProfileList', {}));
    return mdmQueue.fanOut(await ogs.rootScope(), id, { kind: 'all' });
  });
}

/** N devices in Global with enabled enrollments, generated inside the database. */
async function enrollDevices(database: Database, count: number): Promise<void> {
  const numbers =
    database.dialect === 'postgres'
      ? sql`select n from generate_series(1, ${count}::bigint) as s(n)`
      : sql`with recursive s(n) as (select 1 union all select n + 1 from s where n < ${count}) select n from s`;
  const root = await database.repositories.ogs.rootScope();
  await sql`insert into devices (og_id, udid, enrolled_at, last_seen_at)
    select ${root.ogId}, 'BENCH-' || n, 0, 0 from (${numbers}) as numbers`.execute(database.kysely);
  await sql`insert into mdm_enrollments (device_id, identity_sha256, topic, push_token, push_magic, token_invalid, enabled, enrolled_at, updated_at)
    select id, 'identity-' || id, 'com.apple.mgmt.bench', 'token-' || id, 'magic', 0, 1, 0, 0 from devices`.execute(database.kysely);
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.kysely);
}

function sqliteTarget() {
  const folder = mkdtempSync(path.join(tmpdir(), 'provisio-fanout-'));
  return { url: `sqlite:${path.join(folder, 'bench.db')}`, dispose: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })) };
}

async function postgresTarget(url: string) {
  const name = `provisio_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runAsAdmin(url, `create database "${name}"`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), dispose: () => runAsAdmin(url, `drop database if exists "${name}" with (force)`) };
}

async function runAsAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

function log(text: string): void {
  if (!json) console.log(text);
  else console.error(text);
}
