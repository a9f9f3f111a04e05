import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadServerConfig } from '../../../src/config/load-server-config.js';
import { startServer } from '../../../src/http/server.js';
import { testPki } from '../../../src/testkit/pki/index.js';

/** The password of the first admin (`admin`, Global, system role). */
export const FIRST_ADMIN_PASSWORD = 'e2e-admin-password-1';

/** A real `provisio serve` on SQLite in a throwaway data folder. */
export interface TestServer {
  readonly url: string;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

/** The https address devices are told (MDM demands https); simulated devices re-point it at {@link TestServer.url}. */
export const DEVICE_FACING_URL = 'https://mdm.provisio.test';

/**
 * Starts the server as `provisio serve` would, on a random local port, trusting the test PKI's
 * root for profile signatures (written to a PEM file and passed as the trust-anchors setting).
 * With `forDevices` it advertises {@link DEVICE_FACING_URL}, so devices can enroll.
 */
export async function startTestServer(options: { readonly forDevices?: boolean } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-e2e-'));
  const anchors = path.join(dataDir, 'test-root.pem');
  writeFileSync(anchors, testPki().root.pem);
  const flags = { dataDir, host: '127.0.0.1', port: '0', trustAnchors: anchors, logLevel: 'warn', ...(options.forDevices === true ? { publicUrl: DEVICE_FACING_URL } : {}) };
  const config = loadServerConfig(flags, { PROVISIO_ADMIN_PASSWORD: FIRST_ADMIN_PASSWORD });
  const server = await startServer(config, { print: () => undefined, logDestination: { write: () => undefined } });
  return {
    url: server.url,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
