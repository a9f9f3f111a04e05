import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { serverConnection } from './sqlite-connection.js';

const IN_MEMORY = ':memory:';
/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens an SQLite file (creating its folder) tuned for a server: WAL so readers never block the
 * writer, foreign keys enforced (SQLite leaves them off by default), and a busy timeout so a CLI
 * process and the server can share the file.
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
  return new SqliteDialect({ database: serverConnection(database, file !== IN_MEMORY) });
}
