import { processIo, type CliIo } from '../io.js';

/** Environment variables, or a test's stand-in for them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** What the client commands read from their surroundings; tests pass their own. */
export interface ClientEnvironment {
  readonly env: Environment;
  /** Whether stderr is a terminal, where a live progress bar can redraw itself. */
  readonly stderrIsTty: boolean;
  /** Width of that terminal in characters. */
  readonly columns: number;
  /** Milliseconds of a monotonic clock, for upload rates. */
  readonly now: () => number;
}

/**
 * The real process's environment. Output sent to anything but the process's own stderr (a
 * test's buffer) is never a terminal, whatever the process is attached to.
 */
export function processEnvironment(io: CliIo): ClientEnvironment {
  const tty = io === processIo && process.stderr.isTTY;
  // Some terminals (and `script`) report 0 columns; assume the classic width then.
  const columns = tty && process.stderr.columns > 0 ? process.stderr.columns : 80;
  return {
    env: process.env,
    stderrIsTty: tty,
    columns,
    now: () => performance.now(),
  };
}
