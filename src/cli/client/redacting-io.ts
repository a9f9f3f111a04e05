import type { CliIo } from '../io.js';

/** What stands in for the token wherever it would have been printed. */
export const REDACTED = '[token hidden]';

/** Shorter secrets are not real tokens, and hiding them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 8;

/**
 * Output that can never show `secret`, whatever a server echoes back in a message. The client
 * never prints the token itself; this is the second line of defence.
 */
export function redactingIo(io: CliIo, secret: string): CliIo {
  if (secret.length < MIN_SECRET_LENGTH) return io;
  const hide = (text: string) => text.split(secret).join(REDACTED);
  return { stdout: (text) => io.stdout(hide(text)), stderr: (text) => io.stderr(hide(text)) };
}
