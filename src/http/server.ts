import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config/server-config.js';
import type { LogDestination } from '../observability/logging.js';
import { FileBlobStore } from '../io/blob-store.js';
import { AuditTrail } from '../services/audit/audit-trail.js';
import { bootstrapAdmin } from '../services/auth/bootstrap.js';
import { systemClock, type Clock } from '../services/auth/clock.js';
import { openDatabase, type Database } from '../store/database.js';
import { buildApp } from './app.js';

/** A listening server. */
export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly logDestination?: LogDestination;
  /** Where a generated first-admin password is shown: stdout unless given. Never the log. */
  readonly print?: (text: string) => void;
  readonly version?: string;
}

/**
 * Starts `provisio serve`: opens the database and applies migrations, creates the first admin
 * when there is none, builds the app and listens.
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl, { migrate: true, clock: () => clock.now() });
  let app: FastifyInstance | undefined;
  try {
    const print = options.print ?? ((text: string) => void process.stdout.write(text));
    await bootstrapAdmin({ database, audit: new AuditTrail(clock), password: config.adminPassword, print });
    const blobs = new FileBlobStore(config.dataDir, { maxBytes: config.uploadLimits.ipaBytes });
    app = await buildApp({ config, database, blobs, clock, logDestination: options.logDestination, version: options.version });
    const url = await app.listen({ host: config.host, port: config.port });
    return { url, close: closeOnce(app, database) };
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
}

function closeOnce(app: FastifyInstance, database: Database): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      app.log.info('shutting down: finishing in-flight requests');
      await app.close();
      await database.close();
    })();
    return closing;
  };
}
export { closeOnSignals, type ShutdownOptions, type SignalSource } from './shutdown.js';
