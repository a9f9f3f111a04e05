import { InvalidArgumentError, type Command } from 'commander';
import { clientCommand, withConnectionOptions } from '../client/client-command.js';
import type { ConnectionFlags } from '../client/client-config.js';
import { processEnvironment, type ClientEnvironment } from '../client/client-environment.js';
import { clientRunner } from '../client/run-client-command.js';
import type { CliIo } from '../io.js';
import { showRollout, type RolloutShowOptions } from './show.js';

/** `provisio rollouts show ID`. Exit 0 on success, 1 when refused, unreachable or (with --wait) not complete in time, 2 on usage errors. */
export function rolloutsCommand(io: CliIo, setExitCode: (code: number) => void, environment: ClientEnvironment = processEnvironment(io)): Command {
  const run = clientRunner('rollouts', io, environment, setExitCode);
  const show = clientCommand('show', io)
    .description("A renewal's rollout: devices installed, pending, waiting for unlock, failed (with why)")
    .argument('<id>', 'the renewal id, as `profiles renew` printed it')
    .option('--wait <seconds>', 'poll until the rollout completes, at most this long', parseSeconds)
    .option('--json', 'print the renewal as JSON')
    .action((id: string, flags: RolloutShowOptions & ConnectionFlags) => run('show', flags, (context) => showRollout(context, id, flags)));
  return clientCommand('rollouts', io).description('Renewal rollouts on a Provisio server').addCommand(withConnectionOptions(show));
}

function parseSeconds(value: string): number {
  if (!/^\d{1,6}$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of seconds, e.g. 600');
  return Number(value);
}
