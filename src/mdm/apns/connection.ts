import { connect, type ClientHttp2Session, type SecureClientSessionOptions } from 'node:http2';
import { createSecureContext } from 'node:tls';

/** Where and how to connect: the APNs origin and the TLS client identity (the MDM push certificate). */
export interface ApnsConnectionOptions {
  /** `https://api.push.apple.com` in production; a local server in tests. */
  readonly origin: string;
  /** PEM certificate and private key of the MDM push certificate. */
  readonly certificate: string | Buffer;
  readonly privateKey: string | Buffer;
  /** Extra CAs to trust for the server (a test server's); Node's bundled roots otherwise. */
  readonly ca?: string | Buffer | (string | Buffer)[];
}

/**
 * The one HTTP/2 session to APNs. A session that received GOAWAY, closed or failed is dropped and
 * the next request opens a new one; streams still running on a draining session finish there.
 */
export class ApnsConnection {
  #session: ClientHttp2Session | null = null;
  #opened = 0;

  /** Throws for a non-https origin or a certificate and key that do not load. */
  constructor(private readonly options: ApnsConnectionOptions) {
    if (new URL(options.origin).protocol !== 'https:') throw new RangeError(`APNs origin must be https: ${options.origin}`);
    createSecureContext(this.#tlsOptions());
  }

  /** How many sessions were opened so far (a reconnect makes it grow). */
  get sessionsOpened(): number {
    return this.#opened;
  }

  /** A session that can take new streams. */
  session(): ClientHttp2Session {
    const current = this.#session;
    if (current && !current.closed && !current.destroyed) return current;
    return this.#open();
  }

  /** Closes the session after its streams finish. */
  async close(): Promise<void> {
    const session = this.#session;
    this.#session = null;
    if (!session || session.destroyed) return;
    await new Promise<void>((resolve) => session.close(resolve));
  }

  #tlsOptions(): SecureClientSessionOptions {
    const { certificate, privateKey, ca } = this.options;
    return { cert: certificate, key: privateKey, ...(ca ? { ca } : {}) };
  }

  #open(): ClientHttp2Session {
    const session = connect(this.options.origin, this.#tlsOptions());
    this.#opened++;
    const forget = () => {
      if (this.#session === session) this.#session = null;
    };
    // Node closes the session itself after a GOAWAY; forgetting it here makes the next request reconnect.
    session.on('goaway', forget);
    session.on('close', forget);
    // Without a listener a connection error would crash the process; the streams report it.
    session.on('error', forget);
    this.#session = session;
    return session;
  }
}
