import { withTimeout } from '../observability/with-timeout.js';

/** The part of `process` signal handling needs; tests pass an EventEmitter. */
export interface SignalSource {
  once(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

export interface ShutdownOptions {
  readonly signals?: readonly NodeJS.Signals[];
  /** Longest wait for in-flight requests (a large upload may still be streaming). */
  readonly graceMs?: number;
  readonly source?: SignalSource;
  /** Told when shutdown ended; `error` is set when it failed or ran out of time. */
  readonly onClosed?: (error?: unknown) => void;
}

const DEFAULT_GRACE_MS = 30_000;

/**
 * Closes the server on the first SIGTERM or SIGINT: it stops accepting connections, finishes
 * in-flight requests and closes the database. Returns a function that removes the handlers.
 */
export function closeOnSignals(server: { close(): Promise<void> }, options: ShutdownOptions = {}): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const source = options.source ?? process;
  const detach = () => signals.forEach((signal) => source.off(signal, shutDown));
  function shutDown(): void {
    detach();
    const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    void withTimeout(server.close(), graceMs, `shutdown did not finish within ${graceMs} ms`).then(
      () => options.onClosed?.(),
      (error: unknown) => options.onClosed?.(error),
    );
  }
  signals.forEach((signal) => source.once(signal, shutDown));
  return detach;
}
