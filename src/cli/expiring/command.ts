import { Option, type Command } from 'commander';
import { clientCommand, withConnectionOptions } from '../client/client-command.js';
import type { ConnectionFlags } from '../client/client-config.js';
import { processEnvironment, type ClientEnvironment } from '../client/client-environment.js';
import { parseDays } from '../client/options.js';
import { runClientCommand } from '../client/run-client-command.js';
import type { CliIo } from '../io.js';
import { listExpiring, type ExpiringOptions } from './list.js';

/**
 * `provisio expiring [--within DAYS] [--og OG] [--json]`: the profiles, certificates and apps
 * that expire within DAYS (default 60) or have expired, with days left and devices affected.
 * Exit 0 when listed, 1 when the server refused or could not be reached, 2 on usage errors.
 */
export function expiringCommand(io: CliIo, setExitCode: (code: number) => void, environment: ClientEnvironment = processEnvironment(io)): Command {
  const command = clientCommand('expiring', io)
    .description('List profiles, certificates and apps that expire within DAYS (or have), with days left and devices')
    .addOption(new Option('--within <days>', 'days ahead to look').argParser(parseDays).default(60))
    .option('--og <og>', 'only this organization group and the groups below it: id, name or path')
    .option('--json', 'print the report as JSON');
  return withConnectionOptions(command).action(async (flags: ExpiringOptions & ConnectionFlags) => {
    setExitCode(await runClientCommand('expiring', flags, io, environment, (context) => listExpiring(context, flags)));
  });
}
