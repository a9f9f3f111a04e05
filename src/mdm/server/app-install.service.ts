import { installBlockReason } from '../../domain/expiry-install-block.js';
import type { AppVersion, Profile } from '../../domain/model.js';
import { domainError, notFound } from '../../http/errors.js';
import type { Caller } from '../../services/auth/actor.js';
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

  /**
   * Queues the install for `target` in `scope` on behalf of `caller`, audited as
   * `app_version.install`. 404 for a version not in scope; 409 (`app.expired`, `app.retired`,
   * `app.profile_superseded`) for a version devices must not get.
   */
  async install(caller: Caller, scope: Scope, appVersionId: number, target: FanOutTarget): Promise<EnqueuedCommand[]> {
    const commands = await this.commandsFor(scope, appVersionId);
    const request = { caller, action: 'app_version.install', objectType: 'app_version', objectId: appVersionId };
    return this.deps.queue.enqueueAll(scope, commands, target, request);
  }

  private async commandsFor(scope: Scope, appVersionId: number): Promise<BuiltCommand[]> {
    const { appVersions, apps, profiles } = this.deps.database.repositories;
    const version = await appVersions.get(scope, appVersionId);
    const app = version === undefined ? undefined : await apps.get(scope, version.appId);
    const bundles = await appVersions.bundles(scope, appVersionId);
    if (version === undefined || app === undefined || bundles === undefined) throw notFound('app version');
    const profileIds = [...new Set(bundles.map((bundle) => bundle.profileId))];
    const linked: Profile[] = [];
    for (const profileId of profileIds) {
      const profile = await profiles.get(scope, profileId);
      if (profile === undefined) throw notFound('provisioning profile');
      linked.push(profile);
    }
    refuseBlockedInstall(version, linked, this.deps.clock.now());
    const installProfiles: BuiltCommand[] = [];
    for (const profile of linked) {
      installProfiles.push(buildCommand('InstallProvisioningProfile', { profile: await this.deps.profiles.signedProfile(scope, profile.id) }));
    }
    const expires = new Date(this.deps.clock.now().getTime() + MANIFEST_LINK_TTL_MS);
    const installApp = buildCommand('InstallApplication', {
      manifestUrl: this.deps.links.sign(manifestPath(appVersionId), expires),
      identifier: app.bundleId,
      managementFlags: ManagementFlag.removeWithMdmProfile,
    });
    return [...installProfiles, installApp];
  }
}

/**
 * Throws 409 when devices must not get this version at `now`: it expired (a profile or signing
 * certificate of a bundle), was retired, or runs under a profile that was replaced by one that
 * no longer exists, so nothing valid is left to send with it.
 */
function refuseBlockedInstall(version: AppVersion, profiles: readonly Profile[], now: Date): void {
  const block = installBlockReason(version, now);
  if (block !== null) {
    const details = { appVersionId: version.id, effectiveExpiry: version.effectiveExpiry?.toISOString() ?? null, status: version.status };
    throw domainError('conflict', block.code, block.message, details);
  }
  const orphaned = profiles.find((profile) => profile.status === 'superseded' && profile.supersededBy === undefined);
  if (orphaned !== undefined) {
    const message = `profile "${orphaned.name}" (${orphaned.uuid}) was superseded and its successor is gone: upload a renewed profile for this version first`;
    throw domainError('conflict', 'app.profile_superseded', message, { appVersionId: version.id, profileId: orphaned.id, profileUuid: orphaned.uuid });
  }
}
