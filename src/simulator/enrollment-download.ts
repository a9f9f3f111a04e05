import { SimulatorError } from './errors.js';
import type { DeviceTransport } from './http-transport.js';

/** Where and as whom the simulator downloads enrollment profiles. */
export interface EnrollmentSource {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`. */
  readonly server: string;
  /** An API token of an admin of the OG. */
  readonly token: string;
  /** The organization group's id. */
  readonly og: string | number;
}

/**
 * A function that downloads a fresh enrollment profile (`GET /api/v1/ogs/:id/enrollment-profile`),
 * as an admin hands one to each device: every call yields a new identity. Throws
 * `simulator.server_refused` for a non-2xx answer, `simulator.network` when unreachable.
 */
export function enrollmentProfileDownloader(transport: DeviceTransport, source: EnrollmentSource): () => Promise<Uint8Array> {
  const url = new URL(`api/v1/ogs/${encodeURIComponent(String(source.og))}/enrollment-profile`, withSlash(source.server)).href;
  return async () => {
    const reply = await transport.send({ method: 'GET', url, headers: { authorization: `Bearer ${source.token}` } });
    if (reply.status < 200 || reply.status > 299) {
      const detail = Buffer.from(reply.body.subarray(0, 300)).toString('utf8');
      throw new SimulatorError('simulator.server_refused', `GET ${url}: HTTP ${reply.status} ${detail}`);
    }
    return reply.body;
  };
}

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}
