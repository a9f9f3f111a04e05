import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import BetterSqlite3 from 'better-sqlite3';
import { parseDatabaseUrl } from './database-url.js';
import { StoreError } from './errors.js';

export interface BackupResult {
  readonly file: string;
  readonly pages: number;
}

/**
 * Copies an embedded (SQLite) database to `destination` while servers keep using it.
 * SQLite's online backup API copies page by page and restarts when a writer changes a page it
 * already copied, so the copy is one consistent snapshot; it is written next to the destination
 * and renamed into place, so a failed backup never leaves a half-written file under that name.
 */
export async function backupEmbeddedDatabase(databaseUrl: string, destination: string): Promise<BackupResult> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect !== 'sqlite') {
    throw new StoreError('store.backup_unsupported', 'PostgreSQL is backed up with its own tools (pg_dump, base backups)');
  }
  if (target.file === ':memory:' || !existsSync(target.file)) {
    throw new StoreError('store.bad_url', `no embedded database at ${target.file}`);
  }
  const partial = `${destination}.partial`;
  const source = new BetterSqlite3(target.file, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const { totalPages } = await source.backup(partial);
    await rename(partial, destination);
    return { file: destination, pages: totalPages };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}
