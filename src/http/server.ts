import type { FastifyInstance } from 'fastify';
import { smtpSender, type EmailSender } from '../alerts/email-sender.js';
import type { ServerConfig } from '../config/server-config.js';
import { startLifecycleJobs } from '../jobs/lifecycle-jobs.js';
import type { RunningJob } from '../jobs/periodic-job.js';
import type { PushSender } from '../mdm/apns/index.js';
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
  /** MDM pushes; the APNs client from the settings when absent (demo mode wakes its own devices). */
  readonly pushSender?: PushSender;
}

/**
 * Starts `provisio serve`: opens the database and applies migrations, creates the first admin
 * when there is none, builds the app and listens, then starts the expiry scan schedule and the
 * device-user email delivery.
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl, { migrate: true, clock: () => clock.now() });
  let app: FastifyInstance | undefined;
  let email: EmailSender | undefined;
  try {
    const print = options.print ?? ((text: string) => void process.stdout.write(text));
    await bootstrapAdmin({ database, audit: new AuditTrail(clock), password: config.adminPassword, print });
    const blobs = new FileBlobStore(config.dataDir, { maxBytes: config.uploadLimits.ipaBytes });
    email = config.smtp === undefined ? undefined : smtpSender(config.smtp);
    app = await buildApp({ config, database, blobs, clock, email, logDestination: options.logDestination, version: options.version, pushSender: options.pushSender });
    const url = await app.listen({ host: config.host, port: config.port });
    const log = app.log;
    const onError = (error: unknown) => log.warn({ err: error }, 'expiry scan or notice email failed');
    const jobs = startLifecycleJobs({ database, clock, schedule: config.expiry, email, onError });
    return { url, close: closeOnce(app, database, jobs, email) };
  } catch (error) {
    await app?.close();
    email?.close();
    await database.close();
    throw error;
  }
}

function closeOnce(app: FastifyInstance, database: Database, jobs: RunningJob, email: EmailSender | undefined): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      app.log.info('shutting down: finishing in-flight requests');
      await jobs.stop();
      await app.close();
      email?.close();
      await database.close();
    })();
    return closing;
  };
}
export { closeOnSignals, type ShutdownOptions, type SignalSource } from './shutdown.js';
