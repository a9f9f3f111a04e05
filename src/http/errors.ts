import type { JsonValue } from '../domain/model.js';

/**
 * The kinds of failure the API reports, each with its one HTTP status. The kind is also the
 * response's `code` unless a more precise domain code (`profile.not_enterprise`) is given.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorKind = keyof typeof ERROR_STATUS;

/** A domain code: `<area>.<problem>` in snake case, e.g. `profile.not_enterprise`. */
export type DomainCode = `${string}.${string}`;

export interface ApiErrorOptions {
  /** A precise, stable code shown instead of the kind. */
  readonly code?: DomainCode;
  /** Machine-readable specifics (validation issues, the apps still using a profile, …). */
  readonly details?: JsonValue;
  /** Extra response headers, e.g. `Retry-After`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

/**
 * An expected failure, answered as `{ "error": { "code", "message", "details" } }` with the
 * status of its kind. The message is shown to the client, so it names the problem and never
 * internals.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly details: JsonValue | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.code = options.code ?? kind;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.kind];
  }
}

/** The answer for a missing object and for one outside the caller's scope alike. */
export function notFound(what: string): ApiError {
  return new ApiError('not_found', `${what} not found`);
}

/** Raises a domain rule violation, e.g. `domainError('unprocessable', 'profile.not_enterprise', …)`. */
export function domainError(kind: ErrorKind, code: DomainCode, message: string, details?: JsonValue): ApiError {
  return new ApiError(kind, message, { code, details });
}
