import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { SERVER_ENV, TOKEN_ENV } from './client-config.js';

/**
 * A client subcommand writing to `io` and reporting usage errors by exception, as `main`
 * expects: commander does not pass these settings on to commands added with `addCommand`.
 */
export function clientCommand(name: string, io: CliIo): Command {
  return new Command(name).configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride();
}

/** Adds `--server`, `--token` and `--verbose`, which every client command takes; call it last. */
export function withConnectionOptions(command: Command): Command {
  return command
    .option('--server <url>', `Provisio server, e.g. https://provisio.example.com [env ${SERVER_ENV}]`)
    .option('--token <token>', `API token; prefer the variable, flags show in process lists [env ${TOKEN_ENV}]`)
    .option('--verbose', 'print each request and its status on stderr (never the token)');
}
