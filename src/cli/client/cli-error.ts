/** Exit statuses of the client commands, for CI jobs to branch on. */
export const CLIENT_EXIT = { ok: 0, failed: 1, usage: 2, expiring: 3 } as const;

/** One of {@link CLIENT_EXIT}. */
export type ClientExitCode = (typeof CLIENT_EXIT)[keyof typeof CLIENT_EXIT];

/**
 * A failure the command reports as one message on stderr and an exit status, without a stack:
 * a usage mistake (exit 2) or a refused or failed request (exit 1).
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ClientExitCode,
    /** Further lines printed under the message, e.g. every rule an upload broke. */
    readonly detailLines: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A mistake in how the command was called: exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, CLIENT_EXIT.usage);
}

/** The server refused or could not be reached: exit 1. */
export function requestFailed(message: string, detailLines: readonly string[] = []): CliError {
  return new CliError(message, CLIENT_EXIT.failed, detailLines);
}
