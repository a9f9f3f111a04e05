import { nonEmpty } from '../protocol/index.js';
import type { CommandSpec, NoPayload } from './types.js';

/** Arguments of RemoveProvisioningProfile. */
export interface RemoveProvisioningProfileArguments {
  readonly uuid: string;
}

/**
 * Removes a provisioning profile by UUID. Not a revocation: an app already running keeps
 * running until the device restarts.
 */
export const removeProvisioningProfile: CommandSpec<RemoveProvisioningProfileArguments, NoPayload> = {
  requestType: 'RemoveProvisioningProfile',
  resultKey: undefined,
  encodeArguments: ({ uuid }) => ({ UUID: nonEmpty(uuid, 'the profile UUID') }),
  decodeArguments: (command) => ({ uuid: command.requiredString('UUID') }),
  readResult: () => ({}),
  writeResult: () => ({}),
};
