import type { ErrorChainItem } from '../mdm/protocol/index.js';

/** One ErrorChain entry, worded the same in both languages as the simulator has only English. */
export function chainItem(errorCode: number, errorDomain: string, description: string): ErrorChainItem {
  return { errorCode, errorDomain, localizedDescription: description, usEnglishDescription: description };
}

/** The errors iOS reports for the commands the simulator answers. */
export const DeviceErrors = {
  profileUnreadable: () => chainItem(1009, 'MCProfileErrorDomain', 'The provisioning profile could not be read.'),
  profileBadSignature: () => chainItem(4001, 'MCInstallationErrorDomain', 'The provisioning profile is not valid.'),
  profileNotInstalled: () => chainItem(4, 'MCProvisioningProfileErrorDomain', 'The provisioning profile is not installed.'),
  downloadFailed: (what: string, detail: string) =>
    chainItem(12064, 'MCInstallationErrorDomain', `Could not download the ${what}: ${detail}`),
} as const;
