/**
 * Why an email did not go out, as far as retrying is concerned:
 * - `rejected`: the server refused this message for good (5xx: no such mailbox, ...);
 * - `deferred`: the server refused it for now (4xx: greylisting, mailbox busy); retry later;
 * - `unavailable`: the server could not be used at all (down, unreachable, TLS, login); every
 *   message would fail the same way, so senders stop and keep the rest for later.
 */
export type EmailFailureKind = 'rejected' | 'deferred' | 'unavailable';

/** A failed send, classified. */
export class EmailError extends Error {
  override readonly name = 'EmailError';

  constructor(
    readonly kind: EmailFailureKind,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Error codes nodemailer gives when the server, not one message, is the problem. */
const SERVER_PROBLEMS = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ETLS', 'EAUTH', 'EPROTOCOL', 'ECONNREFUSED']);

/** Classifies what an SMTP client threw (`code` and `responseCode` as nodemailer sets them). */
export function classifyEmailError(error: unknown): EmailError {
  if (error instanceof EmailError) return error;
  const details = typeof error === 'object' && error !== null ? (error as { code?: unknown; responseCode?: unknown }) : {};
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof details.code === 'string' ? details.code : undefined;
  const status = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  return new EmailError(failureKind(code, status), message, { cause: error });
}

function failureKind(code: string | undefined, status: number | undefined): EmailFailureKind {
  if (code !== undefined && SERVER_PROBLEMS.has(code)) return 'unavailable';
  // A message the client itself cannot send (too large, malformed) will never go out.
  if (code === 'EMESSAGE') return 'rejected';
  if (status === undefined) return 'unavailable';
  return status >= 500 ? 'rejected' : 'deferred';
}
