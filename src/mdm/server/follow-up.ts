import { buildCommand, type BuiltCommand } from '../commands/index.js';

/**
 * The list command that proves an install landed: after a device acknowledges an install, it is
 * asked what it now holds, so the inventory (and a renewal's progress) shows the truth.
 */
export function verificationFor(requestType: string): BuiltCommand | undefined {
  switch (requestType) {
    case 'InstallProvisioningProfile':
    case 'RemoveProvisioningProfile':
      return buildCommand('ProvisioningProfileList', {});
    case 'InstallApplication':
      return buildCommand('InstalledApplicationList', {});
    default:
      return undefined;
  }
}
