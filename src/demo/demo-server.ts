import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { loadServerConfig, type ServerConfig } from '../config/index.js';
import { startServer, type RunningServer } from '../http/server.js';
import type { PushSender } from '../mdm/apns/index.js';
import type { Clock } from '../services/auth/clock.js';
import { DEMO_PASSWORD } from './world-plan.js';

export interface DemoServerOptions {
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly clock: Clock;
  /** PEM of the demo CA's root: trusted by this server only, never written to its trust store. */
  readonly anchorsPem: string;
  readonly pushSender: PushSender;
}

/** The demo server and where its log goes. */
export interface DemoServer extends RunningServer {
  readonly logFile: string;
}

/** Localhost only: the demo logins are printed for anyone to read. */
const DEMO_HOST = '127.0.0.1';
/** The push sweep re-pushes devices with waiting commands this often (locked devices catch up sooner). */
const DEMO_PUSH_SWEEP_SECONDS = '15';

/**
 * Devices insist on https (enrollment profiles refuse anything else), and in production a
 * TLS-terminating proxy provides it; the demo has none, so it advertises https on localhost and
 * its simulated devices are pointed at the plain-http port it really listens on. Browsers keep
 * the session cookie, marked Secure because of this URL, on http://localhost as well.
 */
function advertisedUrl(port: number): string {
  // With port 0 the real port is known only once listening.
  return port === 0 ? 'https://localhost' : `https://localhost:${port}`;
}

/**
 * `provisio serve` as the demo runs it: on localhost (the logins are printed for everyone to
 * read), SQLite in the demo's data folder, the demo CA as an extra trust anchor for profile
 * signatures, pushes through the in-process relay, and the JSON log in a file instead of the
 * terminal the demo prints its instructions to.
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const flags = {
    dataDir: options.dataDir,
    host: DEMO_HOST,
    port: String(options.port),
    publicUrl: advertisedUrl(options.port),
    logLevel: 'info',
    pushSweepSeconds: DEMO_PUSH_SWEEP_SECONDS,
  };
  const settings = loadServerConfig(flags, { PROVISIO_ADMIN_PASSWORD: DEMO_PASSWORD });
  const config: ServerConfig = { ...settings, trust: { ...settings.trust, extraAnchorsPem: options.anchorsPem } };
  const logFile = join(options.dataDir, 'server.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  try {
    const server = await startServer(config, { clock: options.clock, pushSender: options.pushSender, logDestination: log, print: () => undefined });
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await server.close();
        log.end();
        await once(log, 'close');
      })());
    return { url: server.url, close, logFile };
  } catch (error) {
    log.end();
    throw error;
  }
}
