import type { PlistDict } from '../../formats/plist/index.js';
import { PlistFields, plistDict } from '../protocol/index.js';
import type { CommandSpec } from './types.js';

/** Arguments of ManagedApplicationList. */
export interface ManagedApplicationListArguments {
  /** Only these bundle identifiers. */
  readonly identifiers?: readonly string[];
}

/**
 * `Status` values Apple documents. `UserInstalledApp`, `UserRejected`, `UpdateRejected`,
 * `ManagementRejected` and `Failed` are reported once and then forgotten by the device.
 */
export type ManagedAppStatus =
  | 'Queued'
  | 'NeedsRedemption'
  | 'Redeeming'
  | 'Prompting'
  | 'PromptingForLogin'
  | 'ValidatingPurchase'
  | 'PromptingForUpdate'
  | 'PromptingForUpdateLogin'
  | 'PromptingForManagement'
  | 'ValidatingUpdate'
  | 'Updating'
  | 'Installing'
  | 'Managed'
  | 'ManagedButUninstalled'
  | 'Unknown'
  | 'UserInstalledApp'
  | 'UserRejected'
  | 'UpdateRejected'
  | 'ManagementRejected'
  | 'Failed';

/** The management state of one app. */
export interface ManagedApplication {
  /** A {@link ManagedAppStatus}, or a newer value passed through as sent. */
  readonly status: ManagedAppStatus | (string & {});
  readonly managementFlags: number | undefined;
  readonly hasConfiguration: boolean | undefined;
  readonly hasFeedback: boolean | undefined;
  /** False for an in-house app the device has not validated yet: it will not launch. */
  readonly isValidated: boolean | undefined;
  readonly externalVersionIdentifier: number | undefined;
  readonly unusedRedemptionCode: string | undefined;
}

const RESULT_KEY = 'ManagedApplicationList';

/** The management state of each managed app, by bundle identifier. */
export const managedApplicationList: CommandSpec<ManagedApplicationListArguments, ReadonlyMap<string, ManagedApplication>> = {
  requestType: 'ManagedApplicationList',
  resultKey: RESULT_KEY,
  encodeArguments: (args) => plistDict({ Identifiers: args.identifiers ? [...args.identifiers] : undefined }),
  decodeArguments: (command) => ({ identifiers: command.optionalStringArray('Identifiers') }),
  readResult: (response) => {
    // A Map, not an object: bundle identifiers are data and must never meet Object's keys.
    const apps = new Map<string, ManagedApplication>();
    for (const [bundleId, value] of Object.entries(response.requiredDict(RESULT_KEY))) {
      apps.set(bundleId, readApplication(PlistFields.of(value, `${RESULT_KEY}["${bundleId}"]`)));
    }
    return apps;
  },
  writeResult: (apps) => {
    const list: PlistDict = Object.create(null) as PlistDict;
    for (const [bundleId, app] of apps) list[bundleId] = writeApplication(app);
    return { [RESULT_KEY]: list };
  },
};

function readApplication(fields: PlistFields): ManagedApplication {
  return {
    status: fields.requiredString('Status'),
    managementFlags: fields.optionalInteger('ManagementFlags'),
    hasConfiguration: fields.optionalBoolean('HasConfiguration'),
    hasFeedback: fields.optionalBoolean('HasFeedback'),
    isValidated: fields.optionalBoolean('IsValidated'),
    externalVersionIdentifier: fields.optionalInteger('ExternalVersionIdentifier'),
    unusedRedemptionCode: fields.optionalString('UnusedRedemptionCode'),
  };
}

function writeApplication(app: ManagedApplication): PlistDict {
  return plistDict({
    Status: app.status,
    ManagementFlags: app.managementFlags,
    HasConfiguration: app.hasConfiguration,
    HasFeedback: app.hasFeedback,
    IsValidated: app.isValidated,
    ExternalVersionIdentifier: app.externalVersionIdentifier,
    UnusedRedemptionCode: app.unusedRedemptionCode,
  });
}
