import type { Command } from 'commander';
import { clientCommand, withConnectionOptions } from '../client/client-command.js';
import type { ConnectionFlags } from '../client/client-config.js';
import { processEnvironment, type ClientEnvironment } from '../client/client-environment.js';
import { parseDays } from '../client/options.js';
import { clientRunner } from '../client/run-client-command.js';
import type { CliIo } from '../io.js';
import { listApps, type AppListOptions } from './list.js';
import { uploadApp, type AppUploadOptions } from './upload.js';

/**
 * `provisio apps upload|list`: publish a build from a CI job and watch renewal dates. Exit 0 on
 * success, 1 when the server refused or could not be reached, 2 on usage errors, 3 when
 * `list --expiring-within` found apps about to stop.
 */
export function appsCommand(io: CliIo, setExitCode: (code: number) => void, environment: ClientEnvironment = processEnvironment(io)): Command {
  const run = clientRunner('apps', io, environment, setExitCode);
  const upload = clientCommand('upload', io)
    .description('Upload an app build (.ipa) into an organization group')
    .argument('<ipa>', 'the .ipa, as exported by Xcode')
    .requiredOption('--og <og>', 'organization group: id, name, or path such as Global/Acme')
    .option('--profile <file>', 'a .mobileprovision to run the app under, replacing the one it embeds')
    .option('--limited-devices', 'accept a development or ad-hoc profile: the app is for its devices only')
    .option('--json', 'print the uploaded app as JSON')
    .action((ipa: string, flags: AppUploadOptions & ConnectionFlags) => run('upload', flags, (context) => uploadApp(context, ipa, flags)));
  const list = clientCommand('list', io)
    .description('List apps with their version, group, renewal date and days left')
    .option('--og <og>', 'only apps of this group and the groups below it')
    .option('--expiring-within <days>', 'only apps that stop within DAYS (or have); exit 3 when there is any', parseDays)
    .option('--json', 'print a JSON array, one object per app')
    .action((flags: AppListOptions & ConnectionFlags) => run('list', flags, (context) => listApps(context, flags)));
  return clientCommand('apps', io)
    .description('Internal apps on a Provisio server: upload builds, list them by renewal date')
    .addCommand(withConnectionOptions(upload))
    .addCommand(withConnectionOptions(list));
}
