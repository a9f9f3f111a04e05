import type { ErrorBody } from './types';

/** Codes the console gives failures that never reached the API's error shape. */
export type ClientFailureCode = 'network' | 'unexpected_response';

/**
 * A request that did not succeed: the API's stable `code` (e.g. `profile.not_enterprise`), its
 * HTTP status (0 when the server was not reached), its English message and its details.
 * The console shows sentences of its own for known codes, never `message` alone.
 */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }

  /** The server could not be reached (offline, refused, aborted by the network). */
  static network(cause: unknown): ApiFailure {
    const failure = new ApiFailure(0, 'network', 'the server could not be reached');
    failure.cause = cause;
    return failure;
  }

  /** A failure from a status and the response text, which should hold the one error shape. */
  static fromResponse(status: number, text: string): ApiFailure {
    const body = parseErrorBody(text);
    if (body === undefined) return new ApiFailure(status, 'unexpected_response', `HTTP ${status}`);
    return new ApiFailure(status, body.error.code, body.error.message, body.error.details);
  }
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isErrorBody(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

/**
 * Whether trying the same request again may help: the server was unreachable or failed. A
 * refusal (not found, not allowed, invalid) would only be refused again.
 */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiFailure) || error.status === 0 || error.status >= 500;
}

/** Whether `error` is a request that was cancelled on purpose (a page left before it answered). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
