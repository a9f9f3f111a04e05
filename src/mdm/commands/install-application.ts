import type { PlistDict } from '../../formats/plist/index.js';
import { httpsUrl, plistDict, type PlistFields } from '../protocol/index.js';
import type { CommandSpec } from './types.js';

/** `ManagementFlags` bits. */
export const ManagementFlag = {
  /** Remove the app when the MDM profile is removed. */
  removeWithMdmProfile: 1,
  /** Keep the app's data out of backups. */
  preventBackup: 4,
} as const;

/** Arguments of InstallApplication for an in-house app, installed from a manifest. */
export interface InstallApplicationArguments {
  /** The app manifest (see app-manifest.ts); devices fetch it over https only. */
  readonly manifestUrl: string;
  /** The bundle identifier, so the response and later lists can be matched to the request. */
  readonly identifier?: string;
  /** Bitwise OR of {@link ManagementFlag} values. */
  readonly managementFlags?: number;
  /** `Managed`: take over an app the user installed already. */
  readonly changeManagementState?: 'Managed';
  /** The `Options` dictionary (`PurchaseMethod`, …), passed as is. */
  readonly options?: PlistDict;
  /** Initial managed app configuration. */
  readonly configuration?: PlistDict;
  /** Initial app attributes (`Removable`, `VPNUUID`, …). */
  readonly attributes?: PlistDict;
}

/** What a device answers when it accepts an InstallApplication. */
export interface InstallApplicationResult {
  readonly identifier: string | undefined;
  /** Installation state, e.g. `Queued`, `Installing`, `Managed`. */
  readonly state: string | undefined;
  /** Why the install was refused (`AppAlreadyInstalled`, `NotAnApp`, …). */
  readonly rejectionReason: string | undefined;
}

/** Installs (or updates) an in-house app from its manifest. */
export const installApplication: CommandSpec<InstallApplicationArguments, InstallApplicationResult> = {
  requestType: 'InstallApplication',
  resultKey: undefined,
  encodeArguments: (args) =>
    plistDict({
      ManifestURL: httpsUrl(args.manifestUrl, 'ManifestURL'),
      Identifier: args.identifier,
      ManagementFlags: args.managementFlags,
      ChangeManagementState: args.changeManagementState,
      Options: args.options,
      Configuration: args.configuration,
      Attributes: args.attributes,
    }),
  decodeArguments: decodeArguments,
  readResult: (response) => ({
    identifier: response.optionalString('Identifier'),
    state: response.optionalString('State'),
    rejectionReason: response.optionalString('RejectionReason'),
  }),
  writeResult: (result) =>
    plistDict({ Identifier: result.identifier, State: result.state, RejectionReason: result.rejectionReason }),
};

function decodeArguments(command: PlistFields): InstallApplicationArguments {
  const changeManagementState = command.optionalString('ChangeManagementState');
  return {
    manifestUrl: command.requiredString('ManifestURL'),
    identifier: command.optionalString('Identifier'),
    managementFlags: command.optionalInteger('ManagementFlags'),
    changeManagementState: changeManagementState === 'Managed' ? changeManagementState : undefined,
    options: command.optionalDict('Options'),
    configuration: command.optionalDict('Configuration'),
    attributes: command.optionalDict('Attributes'),
  };
}
