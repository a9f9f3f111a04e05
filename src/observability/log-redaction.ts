/** What replaces a redacted value in the logs. */
export const REDACTED = '[redacted]';

/** Field names that hold secrets wherever they appear in a logged object. */
const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'adminPassword', 'token', 'csrfToken', 'databaseUrl'];

/**
 * Log paths (pino redaction syntax) never written out: credentials in request and response
 * headers, and secret fields at the top level or up to two levels down in any logged object.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];
