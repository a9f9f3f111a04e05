import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import type { JsonObject } from '../domain/model.js';
import { isFormatError } from '../formats/errors.js';
import { BlobStoreError } from '../io/blob-store.js';
import { isStoreError, type StoreErrorCode } from '../store/errors.js';
import { ApiError, ERROR_STATUS, type ErrorKind } from './errors.js';

/** The body of every error response. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: ApiError['details'] | null;
  };
}

/** How a failure is answered; `unexpected` failures are logged with their stack, others are not. */
export interface ErrorReply {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Readonly<Record<string, string>>;
  readonly unexpected: boolean;
}

/** Store failures a client can cause, with the API error they become; the rest are internal. */
const STORE_ERRORS: Partial<Record<StoreErrorCode, () => ApiError>> = {
  'store.bad_cursor': () =>
    new ApiError('bad_request', 'the cursor is not valid for this listing', { code: 'pagination.bad_cursor' }),
  'store.duplicate': () => new ApiError('conflict', 'an object with this name already exists'),
  'store.missing_reference': () => new ApiError('not_found', 'a referenced object was not found'),
  'store.og_cycle': () => new ApiError('conflict', 'an organization group cannot move below itself', { code: 'og.cycle' }),
  'store.og_root': () => new ApiError('conflict', 'Global cannot be moved or deleted', { code: 'og.root' }),
  'store.og_not_empty': () =>
    new ApiError('conflict', 'the organization group still holds groups or objects', { code: 'og.not_empty' }),
  'store.profile_in_use': () => new ApiError('conflict', 'the profile is still used by an app', { code: 'profile.in_use' }),
};

const KIND_BY_STATUS = new Map<number, ErrorKind>(
  Object.entries(ERROR_STATUS)
    .filter(([kind]) => kind !== 'validation_failed')
    .map(([kind, status]) => [status, kind as ErrorKind]),
);

/**
 * Turns anything thrown while answering a request into the one error shape. This is the only
 * place where failures meet HTTP statuses.
 */
export function toErrorReply(error: unknown): ErrorReply {
  const known = asApiError(error);
  if (known === undefined) {
    return reply(new ApiError('internal', 'internal error'), true);
  }
  return reply(known, false);
}

function reply(error: ApiError, unexpected: boolean): ErrorReply {
  return {
    status: error.status,
    body: { error: { code: error.code, message: error.message, details: error.details ?? null } },
    headers: error.headers,
    unexpected,
  };
}

function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return validationFailed(error);
  if (isFormatError(error)) return new ApiError('unprocessable', error.message, { code: error.code });
  if (isStoreError(error)) return STORE_ERRORS[error.code]?.();
  if (error instanceof BlobStoreError) return fromBlobError(error);
  return fromFastifyError(error);
}

type ZodValidationError = Omit<FastifyError, 'validation'> & { validation: ZodFastifySchemaValidationError[] };

function validationFailed(error: ZodValidationError): ApiError {
  const issues = error.validation.map(
    (issue): JsonObject => ({ path: issue.instancePath, code: issue.keyword, message: issue.message ?? 'invalid value' }),
  );
  const where = error.validationContext ?? 'request';
  return new ApiError('validation_failed', `the ${where} is not valid`, { details: { in: where, issues } });
}

function fromBlobError(error: BlobStoreError): ApiError {
  return error.code === 'blob.too_large'
    ? new ApiError('payload_too_large', error.message, { code: error.code })
    : new ApiError('not_found', 'no such file', { code: error.code });
}

/**
 * Fastify's own client errors (unparsable JSON, body too large, unsupported content type) carry
 * a 4xx status and a message safe to show. Server-side statuses are never trusted.
 */
function fromFastifyError(error: unknown): ApiError | undefined {
  if (!(error instanceof Error) || !('statusCode' in error) || typeof error.statusCode !== 'number') return undefined;
  const status = error.statusCode;
  if (status < 400 || status >= 500) return undefined;
  return new ApiError(KIND_BY_STATUS.get(status) ?? 'bad_request', error.message);
}
