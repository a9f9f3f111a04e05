import type { z } from 'zod';
import { apiFailure } from './api-error.js';
import { requestFailed } from './cli-error.js';
import type { ClientConfig } from './client-config.js';
import type { MultipartBody } from './multipart-body.js';
import { unreachable } from './network-error.js';
import { formatBytes } from './progress-format.js';

/** Query parameters; undefined ones are left out. */
export type Query = Readonly<Record<string, string | number | undefined>>;

/**
 * Fetch options that send `body` as it is read. Without `redirect: 'error'` and `window: null`,
 * fetch clones the request to be able to follow a redirect, and that clone tees the stream and
 * keeps every chunk for a replay that never happens: a 4 GB upload would sit in memory
 * (nodejs/undici#4058). A stream cannot be sent twice anyway, so an upload never follows one.
 */
function streamedBody(body: ReadableStream<Uint8Array>): RequestInit {
  return { body, duplex: 'half', redirect: 'error', window: null };
}

/** What an {@link ApiClient} talks to, and where it reports. */
export interface ApiClientOptions {
  readonly config: ClientConfig;
  /** Where `--verbose` lines go (stderr). */
  readonly log: (line: string) => void;
  /** Milliseconds of a monotonic clock, for `--verbose` timings. */
  readonly now: () => number;
}

/** An answer, read whole: API answers are small JSON documents. */
interface Answer {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly text: string;
}

interface Outgoing {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Query;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: ReadableStream<Uint8Array>;
  /** What `--verbose` says about the body. */
  readonly bodyNote?: string;
}

const API_PATH = 'api/v1/';

/**
 * The Provisio REST API over `fetch`, authenticated with the bearer token. Answers are checked
 * against the API's own response schemas; an error answer becomes a `CliError` naming the
 * API's code, and a request that gets no answer one naming the server it could not reach.
 */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  /** GET `path` (below `/api/v1/`) and parse the answer with `schema`. */
  async get<S extends z.ZodType>(path: string, schema: S, query: Query = {}): Promise<z.output<S>> {
    return this.parse(await this.send({ method: 'GET', path, query }), schema);
  }

  /** POST a multipart form, streamed; `onProgress` hears the bytes sent so far. */
  async upload<S extends z.ZodType>(path: string, body: MultipartBody, schema: S, onProgress?: (sentBytes: number) => void): Promise<z.output<S>> {
    const answer = await this.send({
      method: 'POST',
      path,
      headers: { 'content-type': body.contentType, 'content-length': String(body.length) },
      body: body.stream(onProgress),
      bodyNote: `multipart, ${formatBytes(body.length)}`,
    });
    return this.parse(answer, schema);
  }

  private async send(request: Outgoing): Promise<Answer> {
    const { serverUrl, token, verbose } = this.options.config;
    const url = new URL(API_PATH + request.path, serverUrl);
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    if (verbose) this.options.log(`> ${request.method} ${url.href}${request.bodyNote === undefined ? '' : ` (${request.bodyNote})`}`);
    const started = this.options.now();
    let answer: Answer;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: { accept: 'application/json', ...request.headers, authorization: `Bearer ${token}` },
        ...(request.body === undefined ? {} : streamedBody(request.body)),
      });
      const { status, statusText, ok } = response;
      answer = { status, statusText, ok, text: await response.text() };
    } catch (error) {
      throw unreachable(serverUrl, error, request.body !== undefined);
    }
    if (verbose) this.options.log(`< ${answer.status} ${answer.statusText} in ${Math.round(this.options.now() - started)} ms`);
    return answer;
  }

  private parse<S extends z.ZodType>(answer: Answer, schema: S): z.output<S> {
    if (!answer.ok) throw apiFailure(answer.status, answer.statusText, answer.text);
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw requestFailed(`the server answered HTTP ${answer.status} with something other than JSON (is this a Provisio server?)`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      throw requestFailed(`the server's answer does not have the expected shape${where === '' ? '' : ` (at ${where})`}; do the CLI and server versions match?`);
    }
    return parsed.data;
  }
}
