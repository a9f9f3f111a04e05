import type { Command } from 'commander';
import { CLIENT_EXIT } from '../client/cli-error.js';
import { clientCommand, withConnectionOptions } from '../client/client-command.js';
import type { ConnectionFlags } from '../client/client-config.js';
import { processEnvironment, type ClientEnvironment } from '../client/client-environment.js';
import { OgDirectory } from '../client/og-directory.js';
import { clientRunner, type ClientContext } from '../client/run-client-command.js';
import { renderTable } from '../client/text-table.js';
import type { CliIo } from '../io.js';

interface OgListOptions {
  readonly json?: boolean;
}

/** `provisio ogs list`: the organization groups a token reaches, to find what `--og` takes. */
export function ogsCommand(io: CliIo, setExitCode: (code: number) => void, environment: ClientEnvironment = processEnvironment(io)): Command {
  const run = clientRunner('ogs', io, environment, setExitCode);
  const list = clientCommand('list', io)
    .description('List the organization groups in your scope with their ids and paths')
    .option('--json', 'print a JSON array of { id, name, path }')
    .action((flags: OgListOptions & ConnectionFlags) => run('list', flags, (context) => listOgs(context, flags)));
  return clientCommand('ogs', io).description('Organization groups on a Provisio server').addCommand(withConnectionOptions(list));
}

async function listOgs(context: ClientContext, options: OgListOptions): Promise<number> {
  const entries = (await OgDirectory.load(context.client)).entries();
  if (options.json === true) context.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  else context.io.stdout(renderTable([{ header: 'ID', align: 'right' }, { header: 'PATH' }], entries.map((entry) => [String(entry.id), entry.path])));
  return CLIENT_EXIT.ok;
}
