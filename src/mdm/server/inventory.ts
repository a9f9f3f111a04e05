import type { Clock } from '../../services/auth/clock.js';
import type { MdmEnrollment } from '../../store/mdm-enrollment.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { Kysely } from 'kysely';
import type { StoreSchema } from '../../store/schema.js';
import { isRequestType, readCommandResult } from '../commands/index.js';
import type { AcknowledgedReport } from '../protocol/index.js';
import { matchInstallations } from './app-version-match.js';
import { queueEarnedRemovals } from './renewal-removals.js';

/** What updating the inventory needs: the transaction's repositories and its query builder. */
export interface InventoryContext {
  readonly repositories: Repositories;
  readonly db: Kysely<StoreSchema>;
  readonly root: Scope;
  readonly clock: Clock;
}

/**
 * Updates the inventory from an acknowledged list or information command:
 * InstalledApplicationList → installations, ProvisioningProfileList → device profiles with
 * expiry, DeviceInformation → device fields. Other commands change nothing here.
 * Throws `MdmProtocolError` when the payload is not what the command returns.
 */
export async function updateInventory(
  context: InventoryContext,
  device: MdmEnrollment,
  requestType: string,
  report: AcknowledgedReport,
): Promise<void> {
  if (!isRequestType(requestType)) return;
  const { repositories, root } = context;
  const now = context.clock.now();
  switch (requestType) {
    case 'InstalledApplicationList': {
      const apps = readCommandResult(requestType, report);
      const installations = await matchInstallations(context.db, device.ogId, apps);
      await repositories.devices.recordInstallations(root, device.deviceId, installations, now);
      return;
    }
    case 'ProvisioningProfileList': {
      const profiles = readCommandResult(requestType, report);
      const reported = profiles.map((profile) => ({ uuid: profile.uuid, name: profile.name, expiresAt: profile.expiryDate }));
      await repositories.devices.recordProfiles(root, device.deviceId, reported, now);
      await queueEarnedRemovals(repositories, device.deviceId, now);
      return;
    }
    case 'DeviceInformation': {
      const facts = readCommandResult(requestType, report);
      await repositories.devices.recordInformation(
        root,
        device.deviceId,
        { name: facts.deviceName, model: facts.productName ?? facts.model, osVersion: facts.osVersion, serialNumber: facts.serialNumber },
        now,
      );
      return;
    }
    case 'InstallProvisioningProfile':
    case 'RemoveProvisioningProfile':
    case 'InstallApplication':
    case 'ManagedApplicationList':
      return;
  }
}
