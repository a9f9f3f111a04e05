import type { Profile } from '../../domain/model.js';
import { buildCommand, parseCommand } from '../../mdm/commands/index.js';
import type { Database } from '../../store/database.js';
import type { ExpiredOnDevice } from '../../store/cleanup.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import { listingScope } from '../catalog/scope-checks.js';
import type { CommandPushes } from './renewal-apply.service.js';

export interface CleanupDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly pushes: CommandPushes;
}

/** Which part of the tree a cleanup covers, and whether to only say what it would do. */
export interface CleanupRequest {
  /** A group in the caller's scope (with the groups below it); the caller's whole scope when absent. */
  readonly ogId: number | undefined;
  readonly dryRun: boolean;
}

/** The profiles no app version used, deleted unless it was a dry run. */
export interface UnusedProfilesCleanup {
  readonly dryRun: boolean;
  readonly profiles: readonly Profile[];
}

/** One expired profile, and the devices it is (or would be) removed from. */
export interface ProfileRemoval {
  readonly profileId: number;
  readonly uuid: string;
  readonly name: string;
  readonly ogId: number;
  readonly deviceIds: readonly number[];
}

/** The removals queued, or that would be queued in a dry run. */
export interface ExpiredProfilesCleanup {
  readonly dryRun: boolean;
  readonly removals: readonly ProfileRemoval[];
}

/**
 * The cleanup actions of the lifecycle: delete the profiles nothing uses, and remove expired
 * profiles from devices that already hold their successor. Each runs in one transaction with
 * its audit entries: all of it happens, or none.
 */
export class CleanupService {
  constructor(private readonly deps: CleanupDeps) {}

  /** Deletes every profile of the group (and below) that no app version runs under. */
  async deleteUnusedProfiles(caller: Caller, request: CleanupRequest): Promise<UnusedProfilesCleanup> {
    return this.deps.database.transaction(async (repositories) => {
      const scope = await listingScope(repositories, caller, request.ogId);
      const profiles = await repositories.cleanup.unusedProfiles(scope);
      if (request.dryRun) return { dryRun: true, profiles };
      await repositories.cleanup.deleteProfiles(profiles.map((profile) => profile.id));
      for (const profile of profiles) {
        const details = { uuid: profile.uuid, name: profile.name, lineageVersion: profile.lineageVersion, reason: 'unused' };
        await this.deps.audit.record(repositories, caller, { action: 'profile.delete', objectType: 'profile', objectId: profile.id, ogId: profile.ogId, details });
      }
      return { dryRun: false, profiles };
    });
  }

  /**
   * Queues RemoveProvisioningProfile for every expired profile on every device of the group (and
   * below) that also holds a valid successor, one command per profile; devices that have not yet
   * answered an earlier removal of the same profile are left out. The devices are pushed after
   * the commit.
   */
  async removeExpiredFromDevices(caller: Caller, request: CleanupRequest): Promise<ExpiredProfilesCleanup> {
    const now = this.deps.clock.now();
    const queued: number[] = [];
    const result = await this.deps.database.transaction(async (repositories) => {
      const scope = await listingScope(repositories, caller, request.ogId);
      const removals = await plannedRemovals(repositories, await repositories.cleanup.expiredWithSuccessor(scope, now));
      if (request.dryRun) return { dryRun: true, removals };
      for (const removal of removals) queued.push(await this.queueRemoval(repositories, caller, scope, removal));
      return { dryRun: false, removals };
    });
    for (const commandId of queued) this.deps.pushes.schedule(commandId);
    return result;
  }

  private async queueRemoval(repositories: Repositories, caller: Caller, scope: Scope, removal: ProfileRemoval): Promise<number> {
    const command = buildCommand('RemoveProvisioningProfile', { uuid: removal.uuid });
    const commandId = await repositories.mdmQueue.addCommand(command);
    const devices = await repositories.mdmQueue.fanOut(scope, commandId, { kind: 'devices', deviceIds: removal.deviceIds });
    const details = { uuid: removal.uuid, name: removal.name, devices, commandUuid: command.commandUuid, reason: 'expired, successor installed' };
    await this.deps.audit.record(repositories, caller, { action: 'profile.remove_from_devices', objectType: 'profile', objectId: removal.profileId, ogId: removal.ogId, details });
    return commandId;
  }
}

/** The removals by profile UUID, without the devices already waiting to answer one of the same UUID. */
async function plannedRemovals(repositories: Repositories, held: readonly ExpiredOnDevice[]): Promise<ProfileRemoval[]> {
  const waiting = await devicesAwaitingRemoval(repositories);
  const byUuid = new Map<string, { readonly first: ExpiredOnDevice; readonly devices: Set<number> }>();
  for (const entry of held) {
    if (waiting.get(entry.uuid)?.has(entry.deviceId) === true) continue;
    const removal = byUuid.get(entry.uuid) ?? { first: entry, devices: new Set<number>() };
    // One stored UUID may belong to several groups: a device is listed once per UUID.
    removal.devices.add(entry.deviceId);
    byUuid.set(entry.uuid, removal);
  }
  return [...byUuid.values()].map(({ first, devices }) => ({ profileId: first.profileId, uuid: first.uuid, name: first.name, ogId: first.ogId, deviceIds: [...devices] }));
}

/** Per profile UUID, the devices with an unanswered RemoveProvisioningProfile of it (read from the commands as queued). */
async function devicesAwaitingRemoval(repositories: Repositories): Promise<Map<string, Set<number>>> {
  const commandsByUuid = new Map<string, number[]>();
  for (const removal of await repositories.cleanup.openRemovals()) {
    const command = parseCommand(removal.body);
    if (command.requestType !== 'RemoveProvisioningProfile') continue;
    commandsByUuid.set(command.arguments.uuid, [...(commandsByUuid.get(command.arguments.uuid) ?? []), removal.commandId]);
  }
  const waiting = new Map<string, Set<number>>();
  for (const [uuid, commandIds] of commandsByUuid) waiting.set(uuid, await repositories.cleanup.devicesAwaiting(commandIds));
  return waiting;
}
