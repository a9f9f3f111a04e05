import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupEmbeddedDatabase } from '../../src/store/backup.js';
import { openDatabase } from '../../src/store/database.js';

describe('backupEmbeddedDatabase', () => {
  it('copies a consistent snapshot while another connection keeps writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provisio-backup-'));
    const url = `sqlite:${join(dir, 'provisio.db')}`;
    const database = await openDatabase(url);
    const { ogs } = database.repositories;
    const root = await ogs.rootScope();
    let writes = 0;
    const writer = (async () => {
      for (; writes < 200; writes++) await ogs.create(root, root.ogId, `Customer ${writes}`);
    })();
    const result = await backupEmbeddedDatabase(url, join(dir, 'copy.db'));
    await writer;
    await database.close();

    const copy = new BetterSqlite3(result.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (copy.prepare('select count(*) as n from org_groups').get() as { n: number }).n;
    copy.close();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(201);
  });

  it('refuses PostgreSQL and missing files with a clear code', async () => {
    await expect(backupEmbeddedDatabase('postgres://localhost/x', '/tmp/x.db')).rejects.toMatchObject({ code: 'store.backup_unsupported' });
    await expect(backupEmbeddedDatabase('sqlite:/nonexistent/provisio.db', '/tmp/x.db')).rejects.toMatchObject({ code: 'store.bad_url' });
  });
});
