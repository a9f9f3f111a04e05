import { randomUUID, type X509Certificate } from 'node:crypto';
import {
  constants,
  createSecureServer,
  type Http2SecureServer,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { issueCertificate, sharedTestKeyPair, testPki, type IssuedCertificate } from '../../src/testkit/pki/index.js';

/** A push the fake accepted. */
export interface RecordedPush {
  readonly token: string;
  readonly topic: string | undefined;
  readonly pushType: string | undefined;
  readonly priority: string | undefined;
  readonly body: unknown;
  /** CN of the TLS client certificate the push came with. */
  readonly clientCommonName: string | undefined;
  /** Which connection (1, 2, …) carried it. */
  readonly session: number;
}

/** An error answer, as APNs gives them. */
export interface FakeAnswer {
  readonly status: number;
  readonly reason: string;
  /** For 410: when the token became invalid (ms since epoch). */
  readonly timestamp?: number;
}

const VALIDITY = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2050-01-01T00:00:00Z') };

/** A certificate the test PKI root issued: the fake's server certificate or a push certificate. */
export function testCertificate(commonName: string): IssuedCertificate {
  return issueCertificate({
    subject: { commonName },
    issuer: testPki().root,
    keyPair: sharedTestKeyPair('rsa', `fake-apns-${commonName}`),
    ...VALIDITY,
  });
}

/**
 * A local HTTP/2 TLS server that behaves like APNs for MDM pushes: it requires a client
 * certificate from the test PKI, records pushes, and can be told to answer errors for given
 * tokens or the next requests, to reset streams, to send GOAWAY, or to hold answers.
 */
export class FakeApns {
  readonly pushes: RecordedPush[] = [];
  /** Every request received, answered or not. */
  requests = 0;
  inFlight = 0;
  maxInFlight = 0;
  sessions = 0;

  readonly #tokenAnswers = new Map<string, FakeAnswer>();
  readonly #nextAnswers: FakeAnswer[] = [];
  #resets = 0;
  #goAwayAfter: number | null = null;
  #held: (() => void)[] | null = null;
  #inFlightWaiters: { count: number; resolve: () => void }[] = [];
  readonly #openSessions = new Set<ServerHttp2Session>();
  readonly #sessionNumbers = new WeakMap<object, number>();

  private constructor(
    private readonly server: Http2SecureServer,
    /** Trust this (PEM) to accept the fake's certificate. */
    readonly ca: string,
  ) {}

  /** Starts a fake on a free localhost port. */
  static async start(): Promise<FakeApns> {
    const certificate = testCertificate('localhost');
    const root = testPki().root.pem;
    const server = createSecureServer({
      cert: certificate.pem,
      key: certificate.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      ca: root,
      requestCert: true,
      rejectUnauthorized: true,
    });
    const fake = new FakeApns(server, root);
    server.on('session', (session) => fake.#track(session));
    server.on('stream', (stream, headers) => fake.#handle(stream, headers));
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    return fake;
  }

  get origin(): string {
    return `https://localhost:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers every push to these tokens with `answer` from now on. */
  failTokens(tokens: readonly string[], answer: FakeAnswer): void {
    for (const token of tokens) this.#tokenAnswers.set(token.toLowerCase(), answer);
  }

  /** Answers the next `count` requests, whatever their token, with `answer`. */
  failNext(count: number, answer: FakeAnswer): void {
    for (let i = 0; i < count; i++) this.#nextAnswers.push(answer);
  }

  /** Resets the next `count` streams (RST_STREAM INTERNAL_ERROR) instead of answering. */
  resetNext(count: number): void {
    this.#resets += count;
  }

  /** After `count` more answered requests, sends GOAWAY on that session and closes it. */
  goAwayAfter(count: number): void {
    this.#goAwayAfter = count;
  }

  /**
   * Sends GOAWAY (last stream 0: nothing was processed) on every connection and drops them,
   * as APNs does when it restarts. Held answers are discarded with their streams.
   */
  dropConnections(): void {
    this.#held = null;
    for (const session of this.#openSessions) {
      session.goaway(constants.NGHTTP2_NO_ERROR, 0);
      session.destroy();
    }
  }

  /** Holds every answer until {@link release}. */
  hold(): void {
    this.#held ??= [];
  }

  /** Sends the held answers and stops holding. */
  release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const answer of held) answer();
  }

  /** Resolves once `count` requests are in flight at the same time. */
  whenInFlight(count: number): Promise<void> {
    if (this.inFlight >= count) return Promise.resolve();
    return new Promise((resolve) => this.#inFlightWaiters.push({ count, resolve }));
  }

  async close(): Promise<void> {
    this.release();
    for (const session of this.#openSessions) session.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  #track(session: ServerHttp2Session): void {
    this.sessions++;
    this.#sessionNumbers.set(session, this.sessions);
    this.#openSessions.add(session);
    session.on('close', () => this.#openSessions.delete(session));
    session.on('error', () => undefined);
  }

  #handle(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
    this.requests++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    for (const waiter of this.#inFlightWaiters.filter((candidate) => this.inFlight >= candidate.count)) waiter.resolve();
    this.#inFlightWaiters = this.#inFlightWaiters.filter((candidate) => this.inFlight < candidate.count);
    stream.on('close', () => this.inFlight--);
    stream.on('error', () => undefined);
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const answer = () => this.#answer(stream, headers, Buffer.concat(chunks));
      if (this.#held) this.#held.push(answer);
      else answer();
    });
  }

  #answer(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, body: Buffer): void {
    if (stream.destroyed) return;
    if (this.#resets > 0) {
      this.#resets--;
      stream.close(constants.NGHTTP2_INTERNAL_ERROR);
      return;
    }
    const token = String(headers[':path'] ?? '').replace(/^\/3\/device\//, '').toLowerCase();
    const error = this.#nextAnswers.shift() ?? this.#tokenAnswers.get(token);
    if (error) {
      stream.respond({ ':status': error.status, 'apns-id': randomUUID().toUpperCase(), 'content-type': 'application/json' });
      stream.end(JSON.stringify({ reason: error.reason, ...(error.timestamp === undefined ? {} : { timestamp: error.timestamp }) }));
    } else {
      this.pushes.push(this.#record(stream, headers, token, body));
      stream.respond({ ':status': 200, 'apns-id': randomUUID().toUpperCase() });
      stream.end();
    }
    this.#countTowardsGoAway(stream.session as ServerHttp2Session | undefined);
  }

  #record(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, token: string, body: Buffer): RecordedPush {
    const socket = stream.session?.socket as TLSSocket | undefined;
    const peer = socket?.getPeerX509Certificate?.();
    return {
      token,
      topic: headers['apns-topic'] as string | undefined,
      pushType: headers['apns-push-type'] as string | undefined,
      priority: headers['apns-priority'] as string | undefined,
      body: JSON.parse(body.toString('utf8')) as unknown,
      clientCommonName: peer ? commonNameOf(peer) : undefined,
      session: (stream.session && this.#sessionNumbers.get(stream.session)) ?? 0,
    };
  }

  #countTowardsGoAway(session: ServerHttp2Session | undefined): void {
    if (this.#goAwayAfter === null || !session) return;
    this.#goAwayAfter--;
    if (this.#goAwayAfter > 0) return;
    this.#goAwayAfter = null;
    session.goaway(constants.NGHTTP2_NO_ERROR);
    session.close();
  }
}

function commonNameOf(certificate: X509Certificate): string | undefined {
  return /(?:^|\n)CN=([^\n]*)/.exec(certificate.subject)?.[1];
}
