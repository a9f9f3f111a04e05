import { notFound } from '../../http/errors.js';
import type { Clock } from '../../services/auth/clock.js';
import type { Database } from '../../store/database.js';
import type { FanOutTarget } from '../../store/mdm-queue.repository.js';
import type { Scope } from '../../store/scope.js';
import { buildCommand, ManagementFlag, type BuiltCommand } from '../commands/index.js';
import { manifestPath } from './app-downloads.js';
import type { CommandBuilder } from './command-requests.js';
import type { CommandQueueService, EnqueuedCommand } from './command.service.js';
import { MANIFEST_LINK_TTL_MS, type DownloadLinks } from './download-links.js';

/**
 * "Install this app version on these devices": queues, in order, every provisioning profile the
 * version's bundles run under (the signed file, as uploaded) and then InstallApplication with a
 * signed manifest link. The profiles come first so the app can launch once installed.
 */
export class AppInstallService {
  constructor(
    private readonly deps: {
      readonly database: Pick<Database, 'repositories'>;
      readonly profiles: CommandBuilder;
      readonly links: DownloadLinks;
      readonly queue: CommandQueueService;
      readonly clock: Clock;
    },
  ) {}

  /** Queues the install for `target` in `scope`; 404 for a version not in scope. */
  async install(scope: Scope, appVersionId: number, target: FanOutTarget): Promise<EnqueuedCommand[]> {
    const commands = await this.commandsFor(scope, appVersionId);
    const enqueued: EnqueuedCommand[] = [];
    for (const command of commands) enqueued.push(await this.deps.queue.enqueue(scope, command, target));
    return enqueued;
  }

  private async commandsFor(scope: Scope, appVersionId: number): Promise<BuiltCommand[]> {
    const { appVersions, apps } = this.deps.database.repositories;
    const version = await appVersions.get(scope, appVersionId);
    const app = version === undefined ? undefined : await apps.get(scope, version.appId);
    const bundles = await appVersions.bundles(scope, appVersionId);
    if (version === undefined || app === undefined || bundles === undefined) throw notFound('app version');
    const profileIds = [...new Set(bundles.map((bundle) => bundle.profileId))];
    const profiles: BuiltCommand[] = [];
    for (const profileId of profileIds) profiles.push(buildCommand('InstallProvisioningProfile', { profile: await this.deps.profiles.signedProfile(scope, profileId) }));
    const expires = new Date(this.deps.clock.now().getTime() + MANIFEST_LINK_TTL_MS);
    const installApp = buildCommand('InstallApplication', {
      manifestUrl: this.deps.links.sign(manifestPath(appVersionId), expires),
      identifier: app.bundleId,
      managementFlags: ManagementFlag.removeWithMdmProfile,
    });
    return [...profiles, installApp];
  }
}
