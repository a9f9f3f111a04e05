import type { Command } from 'commander';
import { clientCommand, withConnectionOptions } from '../client/client-command.js';
import type { ConnectionFlags } from '../client/client-config.js';
import { processEnvironment, type ClientEnvironment } from '../client/client-environment.js';
import { parseDays } from '../client/options.js';
import { clientRunner } from '../client/run-client-command.js';
import type { CliIo } from '../io.js';
import { listProfiles, type ProfileListOptions } from './list.js';
import { renewProfile, type ProfileRenewOptions } from './renew.js';
import { showProfile, type ProfileShowOptions } from './show.js';
import { uploadProfile, type ProfileUploadOptions } from './upload.js';

/**
 * `provisio profiles upload|list|show|renew`. Exit 0 on success, 1 when the server refused or could
 * not be reached, 2 on usage errors, 3 when `list --expiring-within` found profiles about to expire.
 */
export function profilesCommand(io: CliIo, setExitCode: (code: number) => void, environment: ClientEnvironment = processEnvironment(io)): Command {
  const run = clientRunner('profiles', io, environment, setExitCode);
  const upload = clientCommand('upload', io)
    .description('Upload a provisioning profile into an organization group')
    .argument('<file>', 'the .mobileprovision, as Apple issued it')
    .requiredOption('--og <og>', 'organization group: id, name, or path such as Global/Acme')
    .option('--json', 'print the stored profile as JSON')
    .action((file: string, flags: ProfileUploadOptions & ConnectionFlags) => run('upload', flags, (context) => uploadProfile(context, file, flags)));
  const list = clientCommand('list', io)
    .description('List profiles, soonest expiry first')
    .option('--og <og>', 'only profiles of this group and the groups below it')
    .option('--expiring-within <days>', 'only profiles expiring within DAYS (or expired); exit 3 when there is any', parseDays)
    .option('--json', 'print a JSON array, one object per profile')
    .action((flags: ProfileListOptions & ConnectionFlags) => run('list', flags, (context) => listProfiles(context, flags)));
  const show = clientCommand('show', io)
    .description('Show one profile: certificates, lineage, and every app that shares it')
    .argument('<profile>', 'the profile id, or its UUID')
    .option('--json', 'print the profile as JSON')
    .action((reference: string, flags: ProfileShowOptions & ConnectionFlags) => run('show', flags, (context) => showProfile(context, reference, flags)));
  const renew = clientCommand('renew', io)
    .description('Renew a profile with its replacement, for every app that runs under it, and push it to their devices')
    .argument('<profile>', 'the profile to renew: id or UUID')
    .argument('<file>', 'the replacement .mobileprovision')
    .option('--all-apps', 'apply to every app sharing the profile (required when several do)')
    .option('--dry-run', 'only run the checks and print the plan; nothing changes')
    .option('--json', 'print the renewal (or the plan) as JSON')
    .action((reference: string, file: string, flags: ProfileRenewOptions & ConnectionFlags) =>
      run('renew', flags, (context) => renewProfile(context, reference, file, flags)),
    );
  return clientCommand('profiles', io)
    .description('Provisioning profiles on a Provisio server: upload, list by expiry, show, renew')
    .addCommand(withConnectionOptions(upload))
    .addCommand(withConnectionOptions(list))
    .addCommand(withConnectionOptions(show))
    .addCommand(withConnectionOptions(renew));
}
