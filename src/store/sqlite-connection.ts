import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer.js';

/** Prepared statements kept; queries with `in (?, ?, …)` lists of every length make many texts. */
const STATEMENT_CACHE_SIZE = 512;
/** Writes after which checkpoints move to their own thread: a server gets there, a short CLI run or test does not. */
const BACKGROUND_CHECKPOINTS_AFTER_WRITES = 1_000;
/**
 * With the thread checkpointing, the server's connection still checkpoints once the log holds
 * this many pages (16 MiB): a thread's checkpoint cannot let the log start over while commits
 * keep coming (the log is reused only once all of it was copied), so without pauses in the load
 * it would grow without end. By then the thread has copied most of it, so this one is short.
 */
const WAL_PAGES_BEFORE_FOREGROUND_CHECKPOINT = 4_096;
/** SQLite's own default, restored should the checkpointing thread fail. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * The connection as Kysely uses it, with two things Kysely does not do:
 * - Prepared statements are kept by SQL text (least recently used dropped first): Kysely
 *   prepares every query it runs, and preparing costs more than running most of ours. Reusing
 *   one is safe because Kysely's SQLite driver runs one query at a time on its single
 *   connection, and SQLite prepares a statement again by itself after a schema change.
 * - Once the connection has written a while, WAL checkpoints run on a thread of their own (see
 *   `startCheckpointer`) instead of stalling whichever commit crosses SQLite's mark.
 */
export function serverConnection(database: BetterSqlite3.Database, onDisk: boolean): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  let writes = 0;
  let checkpointer: Checkpointer | undefined;
  const moveCheckpoints = () => {
    database.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_FOREGROUND_CHECKPOINT}`);
    checkpointer = startCheckpointer(database.name, () => database.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`));
  };
  return {
    close() {
      checkpointer?.stop();
      database.close();
    },
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement !== undefined) {
        // Map order is insertion order: moving it to the end keeps the least recently used first.
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value ?? sql);
      }
      statements.set(sql, statement);
      if (onDisk && !statement.reader && ++writes === BACKGROUND_CHECKPOINTS_AFTER_WRITES) moveCheckpoints();
      return statement;
    },
  };
}
