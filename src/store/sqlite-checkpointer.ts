import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection copies the write-ahead log into the database file. */
const CHECKPOINT_INTERVAL_MS = 200;

/**
 * The checkpointing thread: its own connection to the file, a PASSIVE checkpoint on a timer
 * (never waits for or blocks the server's connection), closed when told to stop. Plain
 * CommonJS so it runs the same from the build, under tsx and under vitest.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ${5_000}');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Stops the background checkpoints; the thread finishes the one it is in and closes its connection. */
export interface Checkpointer {
  stop(): void;
}

/**
 * Moves WAL checkpoints off the server's thread. A checkpoint writes the log's pages into the
 * database file and syncs both, which takes milliseconds (and on a busy disk tens of them);
 * with better-sqlite3 that time blocks the event loop, and SQLite runs one every thousand pages
 * written, in whichever commit crosses the mark. Here the caller turns automatic checkpoints off
 * on its connection and this thread checkpoints on a timer. Should the thread fail, `onFailure`
 * is called so the caller can turn them back on.
 */
export function startCheckpointer(file: string, onFailure: (error: unknown) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs: CHECKPOINT_INTERVAL_MS } });
  let stopped = false;
  worker.on('error', (error) => {
    if (!stopped) onFailure(error);
  });
  // A server shutting down must not wait for this thread.
  worker.unref();
  return {
    stop() {
      stopped = true;
      worker.postMessage('stop');
    },
  };
}
