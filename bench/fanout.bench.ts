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
import { sql } from 'kysely';
import { buildCommand } from '../src/mdm/commands/index.js';
import { openDatabase, type Database } from '../src/store/index.js';
import { seedEnrolledFleet } from '../src/testkit/fleet/index.js';
import { scratchDatabase } from './lib/scratch-database.js';
import { round, timeMs } from './lib/stats.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const devices = Number(valueOf('--devices') ?? 1_000_000);
const adminUrl = valueOf('--database');

const target = await scratchDatabase(adminUrl, 'fanout');
try {
  const database = await openDatabase(target.url);
  try {
    const { ogId } = await database.repositories.ogs.rootScope();
    const enrollMs = await timeMs(() => seedEnrolledFleet(database, { ogId, devices, bundleIds: [] }));
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

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

function log(text: string): void {
  if (!json) console.log(text);
  else console.error(text);
}
