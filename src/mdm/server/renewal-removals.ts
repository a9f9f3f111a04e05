import type { Repositories } from '../../store/repositories.js';

/**
 * After a device's profile list was recorded: for every renewal whose new profile it now holds
 * while it still holds the old one, queue the renewal's RemoveProvisioningProfile for it. Only
 * proof of the new UUID earns the removal, so a device is never left without a working profile.
 */
export async function queueEarnedRemovals(repositories: Repositories, deviceId: number, now: Date): Promise<number> {
  const earned = await repositories.renewals.earnedRemovals(deviceId);
  for (const removal of earned) await repositories.renewals.queueFor(deviceId, removal.removeCommandId, now);
  return earned.length;
}
