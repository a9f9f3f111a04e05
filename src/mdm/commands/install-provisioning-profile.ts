import { MdmProtocolError, plistDict } from '../protocol/index.js';
import type { CommandSpec, NoPayload } from './types.js';

/** Arguments of InstallProvisioningProfile. */
export interface InstallProvisioningProfileArguments {
  /** The signed .mobileprovision file's bytes (CMS), never its decoded plist. */
  readonly profile: Uint8Array;
}

/**
 * Installs a provisioning profile; installing one that is already there is not an error.
 * Devices answer NotNow while locked, so the queue must offer it again later.
 */
export const installProvisioningProfile: CommandSpec<InstallProvisioningProfileArguments, NoPayload> = {
  requestType: 'InstallProvisioningProfile',
  resultKey: undefined,
  encodeArguments: ({ profile }) => plistDict({ ProvisioningProfile: requireSignedProfile(profile) }),
  decodeArguments: (command) => ({ profile: command.requiredData('ProvisioningProfile') }),
  readResult: () => ({}),
  writeResult: () => ({}),
};

/**
 * A CMS SignedData starts with a SEQUENCE tag. Anything else (an XML or binary plist) is the
 * decoded payload, which devices reject: catch that mistake before it reaches a fleet.
 */
function requireSignedProfile(profile: Uint8Array): Uint8Array {
  if (profile[0] !== 0x30) {
    throw new MdmProtocolError(
      'mdm.invalid_argument',
      'ProvisioningProfile must be the signed .mobileprovision (CMS) bytes, not the decoded profile',
    );
  }
  return profile;
}
