import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A database for one benchmark run, and how to get rid of it. */
export interface ScratchDatabase {
  /** `sqlite:<file>` or a PostgreSQL URL. */
  readonly url: string;
  dispose(): Promise<void>;
}

/**
 * A new, empty database: a scratch database created (and later dropped) on the PostgreSQL server
 * of `adminUrl`, or a temporary SQLite file without one.
 */
export async function scratchDatabase(adminUrl: string | undefined, label: string): Promise<ScratchDatabase> {
  if (adminUrl === undefined) {
    const folder = mkdtempSync(path.join(tmpdir(), `provisio-${label}-`));
    return { url: `sqlite:${path.join(folder, 'bench.db')}`, dispose: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })) };
  }
  const name = `provisio_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runAsAdmin(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), dispose: () => runAsAdmin(adminUrl, `drop database if exists "${name}" with (force)`) };
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
