/**
 * `npm run bench:renewal -- --devices N --apps 3 [--database postgres://…] [--json]`
 *
 * scanSeconds: seeds 100,000 profiles and 1,000,000 installations straight in the database (not
 * timed, see bench/renewal/scan-world.ts), then times the expiry scan as the schedule runs it:
 * lease, then one transaction recording every console and device notice and marking what
 * expired, until it committed. The first scan is the measured one (every installation gets a
 * device notice); a second scan, which finds nothing new, is printed for information.
 * renewalSeconds: the renewal of a profile shared by `--apps` apps on `--devices` devices, from
 * request to every install command durably queued ({@link timeRenewal}).
 * With --database, a scratch database is created on that server and dropped afterwards; without,
 * a temporary SQLite file is used. The last stdout line is the JSON result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExpiryScanService, type ScanReport } from '../src/services/lifecycle/expiry-scan.service.js';
import { openDatabase, type Database } from '../src/store/index.js';
import { scratchDatabase } from './lib/scratch-database.js';
import { round, timeMs } from './lib/stats.js';
import { timeRenewal as timeApply } from './renewal/renewal-timing.js';
import { seedScanWorld } from './renewal/scan-world.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const devices = Number(valueOf('--devices') ?? 1_000_000);
const apps = Number(valueOf('--apps') ?? 3);
if (!Number.isInteger(devices) || devices < 1 || !Number.isInteger(apps) || apps < 1) {
  console.error('usage: npm run bench:renewal -- --devices N --apps N [--database postgres://…] [--json]');
  process.exit(2);
}

const scanSeconds = await onScratchDatabase('scan', timeScan);
const renewalSeconds = await onScratchDatabase('renewal', (database, workDir) => timeRenewal(database, { devices, apps, workDir }));
const dialect = valueOf('--database') === undefined ? 'sqlite' : 'postgres';
console.log(JSON.stringify({ database: dialect, devices, apps, renewalSeconds, scanSeconds }));

/** The renewal timing (bench/renewal/renewal-timing.ts); refuses a run that queued fewer installs than devices. */
async function timeRenewal(database: Database, options: { readonly devices: number; readonly apps: number; readonly workDir: string }): Promise<number> {
  const timing = await timeApply(database, options);
  if (timing.queued !== options.devices) throw new Error(`the renewal queued ${timing.queued} installs for ${options.devices} devices`);
  log(`renewal: ${round(timing.seconds, 3)} s, ${timing.queued} installs queued`);
  return round(timing.seconds, 3);
}

async function timeScan(database: Database): Promise<number> {
  const now = new Date();
  const seedMs = await timeMs(async () => {
    const world = await seedScanWorld(database, apps, now);
    log(`seeded ${world.profiles} profiles, ${world.installations} installations on ${world.devices} devices (not timed)`);
  });
  log(`seeding took ${round(seedMs / 1000, 1)} s`);
  const scanner = new ExpiryScanService({ database, clock: { now: () => now } });
  const first = await timedScan(scanner);
  log(`first scan: ${round(first.ms / 1000, 3)} s, ${describe(first.report)}`);
  const second = await timedScan(scanner);
  log(`second scan: ${round(second.ms / 1000, 3)} s, ${describe(second.report)}`);
  return round(first.ms / 1000, 3);
}

async function timedScan(scanner: ExpiryScanService): Promise<{ ms: number; report: ScanReport }> {
  let report: ScanReport | null = null;
  const ms = await timeMs(async () => {
    report = await scanner.scan();
  });
  if (report === null) throw new Error('another scanner held the lease');
  return { ms, report };
}

function describe(report: ScanReport): string {
  return `${report.subjectsExamined} subjects within 60 days, ${report.noticesCreated} console notices, ${report.deviceNoticesCreated} device notices, ${report.versionsMarkedExpired} versions and ${report.profilesMarkedExpired} profiles marked expired`;
}

/** Runs `work` on a fresh database (and a work folder), disposing of both after. */
async function onScratchDatabase<T>(label: string, work: (database: Database, workDir: string) => Promise<T>): Promise<T> {
  const target = await scratchDatabase(valueOf('--database'), label);
  const workDir = mkdtempSync(path.join(tmpdir(), `provisio-${label}-files-`));
  try {
    const database = await openDatabase(target.url);
    try {
      return await work(database, workDir);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await target.dispose();
  }
}

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

function log(text: string): void {
  if (json) console.error(text);
  else console.log(text);
}
