import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { serverConnection } from './sqlite-connection.js';

const IN_MEMORY = ':memory:';
/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;
/**
 * SQLite's page cache, per connection. Its default (2 MiB) holds less than a busy queue's working
 * set (the devices connecting, their queue rows and the indexes above them), so pages were read
 * again from the OS on most connect requests; 64 MiB is a small price for a server.
 */
const PAGE_CACHE_KIB = 64 * 1024;

/**
 * Opens an SQLite file (creating its folder) tuned for a server: WAL so readers never block the
 * writer, foreign keys enforced (SQLite leaves them off by default), a busy timeout so a CLI
 * process and the server can share the file, and a page cache sized for a server.
 */
export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== IN_MEMORY) {
    mkdirSync(dirname(file), { recursive: true });
  }
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  return new SqliteDialect({ database: serverConnection(database, file !== IN_MEMORY) });
}
