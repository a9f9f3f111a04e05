import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { startCheckpointer } from '../../src/store/sqlite-checkpointer.js';

const folders: string[] = [];
const opened: Database[] = [];

async function sqliteDatabase(): Promise<{ database: Database; file: string }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'provisio-sqlite-'));
  folders.push(folder);
  const file = path.join(folder, 'provisio.db');
  const database = await openDatabase(`sqlite:${file}`, { migrate: false });
  opened.push(database);
  return { database, file };
}

afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

describe('the SQLite connection', () => {
  it('reuses prepared statements and still sees a table change under them', async () => {
    const { database } = await sqliteDatabase();
    const db = database.kysely;
    await sql`create table notes (id integer primary key, text text)`.execute(db);
    await sql`insert into notes (text) values (${'first'})`.execute(db);
    const all = () => sql<Record<string, unknown>>`select * from notes order by id`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, text: 'first' }]);
    await sql`alter table notes add column author text`.execute(db);
    await sql`insert into notes (text, author) values (${'second'}, ${'ann'})`.execute(db);
    expect((await all()).rows).toEqual([
      { id: 1, text: 'first', author: null },
      { id: 2, text: 'second', author: 'ann' },
    ]);
  });

  it('after a thousand writes, copies the write-ahead log into the file on a thread of its own', async () => {
    const { database, file } = await sqliteDatabase();
    const db = database.kysely;
    await sql`create table notes (id integer primary key, text text)`.execute(db);
    const insert = (count: number) => Promise.all(Array.from({ length: count }, () => sql`insert into notes (text) values (${'x'.repeat(200)})`.execute(db)));
    await insert(1_000);
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(rows[0]?.wal_autocheckpoint).toBeGreaterThan(1_000);
    // Small commits, far fewer pages than the connection now waits for before checkpointing
    // itself: only the thread can bring them into the file.
    const before = statSync(file).size;
    await insert(1_000);
    expect(await until(() => statSync(file).size >= before + 1_000 * 200, 5_000)).toBe(true);
  });

  it('reports a checkpointing thread that cannot work, so the connection checkpoints again', async () => {
    const failures: unknown[] = [];
    const checkpointer = startCheckpointer(path.join(tmpdir(), 'provisio-no-such-folder', 'missing.db'), (error) => failures.push(error));
    try {
      expect(await until(() => failures.length > 0, 5_000)).toBe(true);
    } finally {
      checkpointer.stop();
    }
  });
});
