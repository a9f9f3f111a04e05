import { PlistFields, plistDict } from '../protocol/index.js';
import type { CommandSpec } from './types.js';

/** Arguments of ProvisioningProfileList. */
export interface ProvisioningProfileListArguments {
  /** Only profiles MDM installed (iOS 13+). */
  readonly managedOnly?: boolean;
}

/** One provisioning profile a device holds. */
export interface InstalledProvisioningProfile {
  readonly name: string;
  readonly uuid: string;
  readonly expiryDate: Date | undefined;
}

const RESULT_KEY = 'ProvisioningProfileList';

/** Lists the provisioning profiles on a device: how a renewal is proven delivered. */
export const provisioningProfileList: CommandSpec<ProvisioningProfileListArguments, InstalledProvisioningProfile[]> = {
  requestType: 'ProvisioningProfileList',
  resultKey: RESULT_KEY,
  encodeArguments: ({ managedOnly }) => plistDict({ ManagedOnly: managedOnly }),
  decodeArguments: (command) => ({ managedOnly: command.optionalBoolean('ManagedOnly') }),
  readResult: (response) =>
    response.requiredArray(RESULT_KEY).map((item, index) => {
      const fields = PlistFields.of(item, `${RESULT_KEY}[${index}]`);
      return {
        name: fields.requiredText('Name'),
        uuid: fields.requiredString('UUID'),
        expiryDate: fields.optionalDate('ExpiryDate'),
      };
    }),
  writeResult: (profiles) => ({
    [RESULT_KEY]: profiles.map((profile) =>
      plistDict({ Name: profile.name, UUID: profile.uuid, ExpiryDate: profile.expiryDate }),
    ),
  }),
};
