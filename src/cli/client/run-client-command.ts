import type { CliIo } from '../io.js';
import { ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';
import { resolveClientConfig, type ConnectionFlags } from './client-config.js';
import type { ClientEnvironment } from './client-environment.js';
import { redactingIo } from './redacting-io.js';

/** What a client command works with once its connection is configured. */
export interface ClientContext {
  readonly client: ApiClient;
  /** Output that hides the token. */
  readonly io: CliIo;
  readonly environment: ClientEnvironment;
}

/** The work of one client command; resolves to its exit status. */
export type ClientCommandBody = (context: ClientContext) => Promise<number>;

/**
 * Runs the body of `provisio <name>`: resolves the server and token, then reports a
 * {@link CliError} as `provisio <name>: message` (and its detail lines) on stderr and returns
 * its exit status. Anything else is a bug and propagates.
 */
export async function runClientCommand(
  name: string,
  flags: ConnectionFlags,
  io: CliIo,
  environment: ClientEnvironment,
  body: ClientCommandBody,
): Promise<number> {
  let output = io;
  try {
    const config = resolveClientConfig(flags, environment.env);
    output = redactingIo(io, config.token);
    const log = (line: string) => output.stderr(`${line}\n`);
    return await body({ client: new ApiClient({ config, log, now: environment.now }), io: output, environment });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    output.stderr(`provisio ${name}: ${error.message}\n`);
    for (const line of error.detailLines) output.stderr(`  ${line}\n`);
    return error.exitCode;
  }
}

/** Runs the subcommands of `provisio <group>`, passing each one's exit status to `setExitCode`. */
export function clientRunner(group: string, io: CliIo, environment: ClientEnvironment, setExitCode: (code: number) => void) {
  return async (name: string, flags: ConnectionFlags, body: ClientCommandBody): Promise<void> => {
    setExitCode(await runClientCommand(`${group} ${name}`, flags, io, environment, body));
  };
}
