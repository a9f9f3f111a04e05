import { ApnsConnection, type ApnsConnectionOptions } from './connection.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy.js';
import { outcomeOf } from './outcome.js';
import { sendPush } from './send-push.js';
import { Slots } from './slots.js';
import type { PushOutcome, PushSender, PushTarget } from './types.js';

/** Apple's production APNs origin (MDM push certificates are production-only). */
export const APNS_PRODUCTION_ORIGIN = 'https://api.push.apple.com';

export interface ApnsClientOptions extends Omit<ApnsConnectionOptions, 'origin'> {
  /** Default {@link APNS_PRODUCTION_ORIGIN}. */
  readonly origin?: string;
  /** Streams open at once on the session (all `push` calls together); default 64. */
  readonly maxConcurrentStreams?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Give up on an attempt without an answer after this long; default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Waits between retries; injected so tests do not wait. */
  readonly sleep?: (milliseconds: number) => Promise<void>;
  /** A value in [0, 1) for backoff jitter; injected so tests are repeatable. */
  readonly random?: () => number;
}

const HEX_TOKEN = /^(?:[0-9a-fA-F]{2})+$/;
/** Header values must be visible ASCII: anything else would make every attempt fail the same way. */
const TOPIC = /^[\x21-\x7e]+$/;

/**
 * Sends MDM pushes to APNs over one HTTP/2 session with the MDM push certificate. At most
 * `maxConcurrentStreams` requests are in flight; 429, 5xx, resets, GOAWAY and lost connections
 * are retried with jittered exponential backoff (reconnecting as needed); token-specific
 * rejections come back as `invalid_token`.
 */
export class ApnsClient implements PushSender {
  readonly #connection: ApnsConnection;
  readonly #slots: Slots;
  readonly #retry: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #sleep: (milliseconds: number) => Promise<void>;
  readonly #random: () => number;

  /** Throws (at startup, not at the first push) for a non-https origin or an unusable certificate/key. */
  constructor(options: ApnsClientOptions) {
    this.#connection = new ApnsConnection({ ...options, origin: options.origin ?? APNS_PRODUCTION_ORIGIN });
    this.#slots = new Slots(options.maxConcurrentStreams ?? 64);
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.#sleep = options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    this.#random = options.random ?? Math.random;
  }

  /** Sessions opened so far: more than one means the client reconnected. */
  get sessionsOpened(): number {
    return this.#connection.sessionsOpened;
  }

  async push(targets: readonly PushTarget[]): Promise<PushOutcome[]> {
    const outcomes = new Array<PushOutcome>(targets.length);
    let next = 0;
    // As many workers as slots: enough to fill every stream without a promise per target up front.
    const worker = async () => {
      for (let index = next++; index < targets.length; index = next++) {
        outcomes[index] = await this.#deliver(targets[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#slots.limit, targets.length) }, worker));
    return outcomes;
  }

  /** Closes the session once in-flight pushes finish. */
  close(): Promise<void> {
    return this.#connection.close();
  }

  async #deliver(target: PushTarget): Promise<PushOutcome> {
    const problem = localProblem(target);
    if (problem) return problem;
    for (let attempts = 1; ; attempts++) {
      const attempt = await this.#slots.run(() => sendPush(this.#connection.session(), target, this.#timeoutMs));
      const outcome = outcomeOf(target, attempt, attempts, this.#retry.maxAttempts);
      if (outcome) return outcome;
      await this.#sleep(retryDelayMs(attempts, this.#retry, this.#random()));
    }
  }
}

/** Targets that cannot work, answered without asking APNs. */
function localProblem(target: PushTarget): PushOutcome | null {
  if (!HEX_TOKEN.test(target.token)) {
    return { status: 'invalid_token', target, reason: 'BadDeviceToken (not a hex token)', invalidSince: undefined, attempts: 0 };
  }
  if (!TOPIC.test(target.topic)) {
    return { status: 'failed', target, reason: 'BadTopic (not a valid topic)', statusCode: undefined, retryable: false, attempts: 0 };
  }
  return null;
}
