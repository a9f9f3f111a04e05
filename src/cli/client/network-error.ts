import { CliError, requestFailed } from './cli-error.js';

const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (is the server running, and on this port?)',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending its answer',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the server closed the connection',
  UND_ERR_SOCKET: 'the connection broke',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed (set NODE_EXTRA_CA_CERTS to trust it)',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chains to an untrusted root (set NODE_EXTRA_CA_CERTS to trust it)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified (set NODE_EXTRA_CA_CERTS to trust its CA)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate cannot be verified (set NODE_EXTRA_CA_CERTS to trust its CA)',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

/**
 * Explains why a request never got an answer: `fetch` only says "fetch failed" and hides the
 * reason in `cause` (an AggregateError when every address of a host refused). A CLI error among
 * the causes (a file that could not be read while uploading) is the real story and wins.
 */
export function unreachable(serverUrl: URL, error: unknown, uploading = false): CliError {
  const own = causes(error).find((cause) => cause instanceof CliError);
  if (own instanceof CliError) return own;
  const code = errorCode(error);
  const reason = (code === undefined ? undefined : REASONS[code]) ?? innermostMessage(error);
  // Uploads never follow redirects (see the API client); fetch only says "unexpected redirect".
  if (uploading && reason === 'unexpected redirect') {
    return requestFailed(`the server at ${serverUrl.href} redirected the upload elsewhere; pass the address it redirects to (often https://) as --server`);
  }
  if (uploading && code !== undefined && CUT_OFF.has(code)) {
    return requestFailed(`the server at ${serverUrl.href} cut the upload off: ${reason}`, [UPLOAD_LIMIT_HINT]);
  }
  return requestFailed(`cannot reach the Provisio server at ${serverUrl.href}: ${reason}`);
}

/** How a connection ends when the server answers before it has read the whole request. */
const CUT_OFF = new Set(['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET']);

// A server (or proxy) refusing a body answers 413 at once and closes the connection; fetch
// fails on the closed socket and never shows that answer, so name the likely cause.
const UPLOAD_LIMIT_HINT =
  'a file larger than the upload limit is refused this way (provisio serve --max-ipa-size / --max-profile-size, or a proxy limit)';

function errorCode(error: unknown): string | undefined {
  for (const cause of causes(error)) {
    if ('code' in cause && typeof cause.code === 'string') return cause.code;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  const all = causes(error);
  return all.at(-1)?.message ?? String(error);
}

/** The error, its causes, and the members of any AggregateError among them, outermost first. */
function causes(error: unknown): Error[] {
  const found: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && found.length < 10) {
    found.push(current);
    if (current instanceof AggregateError) found.push(...current.errors.filter((member): member is Error => member instanceof Error));
    current = current.cause;
  }
  return found;
}
