import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SimulatorError } from './errors.js';

/** One HTTP exchange, as a device makes it. */
export interface HttpExchange {
  readonly method: 'GET' | 'PUT';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
}

/** What came back. */
export interface HttpReply {
  readonly status: number;
  readonly body: Uint8Array;
  readonly contentType: string | undefined;
}

/** How devices reach the server; the fleet shares one so connections are reused. */
export interface DeviceTransport {
  send(exchange: HttpExchange): Promise<HttpReply>;
}

export interface HttpTransportOptions {
  /** Most sockets open at once per origin (the fleet's concurrency). */
  readonly maxSockets: number;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
  /** For https servers with a private CA (tests). */
  readonly ca?: string | Buffer;
}

/**
 * HTTP/1.1 with keep-alive over Node's agents: a fleet of thousands of devices shares a few
 * sockets, as a load generator should (undici is not a dependency; these agents pool the same way).
 * Network failures throw `simulator.network`; any status is returned, never thrown.
 */
export class HttpTransport implements DeviceTransport {
  readonly #http: HttpAgent;
  readonly #https: HttpsAgent;
  readonly #timeoutMs: number;

  constructor(options: HttpTransportOptions) {
    const pool = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' as const };
    this.#http = new HttpAgent(pool);
    this.#https = new HttpsAgent({ ...pool, ca: options.ca });
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  send(exchange: HttpExchange): Promise<HttpReply> {
    const url = new URL(exchange.url);
    const secure = url.protocol === 'https:';
    const headers: Record<string, string | number> = { ...exchange.headers };
    if (exchange.body) headers['content-length'] = exchange.body.length;
    return new Promise((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        { method: exchange.method, headers, agent: secure ? this.#https : this.#http, timeout: this.#timeoutMs },
        (response) => void readReply(response).then(resolve, reject),
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${this.#timeoutMs} ms`)));
      request.on('error', (error) => reject(networkError(exchange, error)));
      request.end(exchange.body);
    });
  }

  /** Closes the pooled sockets. */
  close(): void {
    this.#http.destroy();
    this.#https.destroy();
  }
}

/** The whole reply; events rather than an async iterator, which costs a promise per chunk. */
function readReply(response: IncomingMessage): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('error', reject);
    response.once('end', () => {
      const body = new Uint8Array(Buffer.concat(chunks));
      resolve({ status: response.statusCode ?? 0, body, contentType: response.headers['content-type'] });
    });
  });
}

function networkError(exchange: HttpExchange, error: Error): SimulatorError {
  return new SimulatorError('simulator.network', `${exchange.method} ${exchange.url} failed: ${error.message}`, { cause: error });
}
