import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { createScopedOg, defined } from './builders.js';
import { createTestDatabase, forEachDatabase } from './harness.js';

const ALL_MIGRATIONS = Object.keys(await migrationProvider('sqlite').getMigrations());

forEachDatabase((context) => {
  describe('migrations', () => {
    it('applies every migration at open', async () => {
      expect(await context.database().migrationStatus()).toEqual({ applied: ALL_MIGRATIONS, pending: [] });
      await context.database().migrateToLatest();
      expect((await context.database().migrationStatus()).pending).toEqual([]);
    });

    it('reports pending migrations until told to migrate', async () => {
      const fresh = await createTestDatabase(context.dialect, { migrate: false });
      try {
        expect(await fresh.database.migrationStatus()).toEqual({ applied: [], pending: ALL_MIGRATIONS });
        await fresh.database.migrateToLatest();
        expect(await fresh.database.migrationStatus()).toEqual({ applied: ALL_MIGRATIONS, pending: [] });
        const { ogs } = fresh.database.repositories;
        const root = await ogs.rootScope();
        expect(await ogs.get(root, root.ogId)).toMatchObject({ name: 'Global' });
      } finally {
        await fresh.dispose();
      }
    });
  });

  describe('values', () => {
    it('returns 64-bit ids, counts and timestamps as numbers', async () => {
      const { kysely } = context.database();
      const result = await sql<{ big: unknown; counted: unknown }>`select cast(${String(Number.MAX_SAFE_INTEGER)} as bigint) as big, (select count(*) from org_groups) as counted`.execute(kysely);
      expect(result.rows[0]?.big).toBe(Number.MAX_SAFE_INTEGER);
      expect(typeof result.rows[0]?.counted).toBe('number');
    });

    if (context.dialect === 'postgres') {
      it('refuses an int8 that a number cannot hold exactly', async () => {
        const query = sql`select cast('9007199254740993' as bigint) as big`.execute(context.database().kysely);
        await expect(query).rejects.toThrow(RangeError);
      });
    }

    it('stores far-future and pre-1970 instants exactly', async () => {
      const repositories = context.database().repositories;
      const acme = await createScopedOg(repositories);
      const far = new Date('9000-12-31T23:59:59.999Z');
      const past = new Date('1969-07-20T20:17:40.123Z');
      const certificate = await repositories.certificates.upsert(acme.scope, acme.og.id, {
        sha256: 'ab'.repeat(32), sha1: 'cd'.repeat(20), commonName: 'Old', serialNumber: '01', notBefore: past, notAfter: far,
      });
      expect(defined(certificate)).toMatchObject({ notBefore: past, notAfter: far });
    });

    it('refuses to store an invalid date', async () => {
      const repositories = context.database().repositories;
      const acme = await createScopedOg(repositories);
      const upsert = repositories.devices.upsert(acme.scope, { udid: 'x', ogId: acme.og.id, seenAt: new Date(Number.NaN) });
      await expect(upsert).rejects.toThrow(RangeError);
    });
  });
});

describe('openDatabase', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'provisio-open-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('creates the SQLite folder and file with WAL, foreign keys and a busy timeout', async () => {
    const database = await openDatabase(`sqlite:${path.join(folder, 'nested', 'provisio.db')}`);
    try {
      const pragma = async (name: string) => (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(database.kysely)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
      expect(database.dialect).toBe('sqlite');
    } finally {
      await database.close();
    }
  });

  it('migrates a file once: reopening finds nothing to do and keeps the data', async () => {
    const file = path.join(folder, 'reopen.db');
    const first = await openDatabase(`sqlite:${file}`);
    const root = await first.repositories.ogs.rootScope();
    await first.repositories.ogs.create(root, root.ogId, 'Persisted');
    await first.close();
    const second = await openDatabase(`sqlite:${file}`);
    try {
      const tree = await second.repositories.ogs.tree(await second.repositories.ogs.rootScope());
      expect(tree.children.map((child) => child.name)).toEqual(['Persisted']);
    } finally {
      await second.close();
    }
  });

  it('rejects an unknown URL scheme', async () => {
    await expect(openDatabase('mysql://localhost/provisio')).rejects.toMatchObject({ code: 'store.bad_url' });
  });
});
