import { PlistFields, plistDict } from '../protocol/index.js';
import type { CommandSpec } from './types.js';

/** Arguments of InstalledApplicationList. */
export interface InstalledApplicationListArguments {
  /** Only these bundle identifiers. */
  readonly identifiers?: readonly string[];
  readonly managedAppsOnly?: boolean;
  /** Only these item keys (iOS 14+); `Identifier` always comes back. */
  readonly items?: readonly string[];
}

/** One app a device reports. Every key is optional: macOS even omits `Identifier` at times. */
export interface InstalledApplication {
  readonly identifier: string | undefined;
  /** CFBundleVersion. */
  readonly version: string | undefined;
  /** CFBundleShortVersionString. */
  readonly shortVersion: string | undefined;
  readonly name: string | undefined;
  readonly bundleSize: number | undefined;
  readonly dynamicSize: number | undefined;
  /** False for an in-house app the device has not validated yet: it will not launch. */
  readonly isValidated: boolean | undefined;
  readonly installing: boolean | undefined;
  readonly externalVersionIdentifier: number | undefined;
  readonly hasUpdateAvailable: boolean | undefined;
  readonly adHocCodeSigned: boolean | undefined;
  readonly appStoreVendable: boolean | undefined;
  readonly betaApp: boolean | undefined;
  readonly deviceBasedVpp: boolean | undefined;
  readonly isAppClip: boolean | undefined;
}

const RESULT_KEY = 'InstalledApplicationList';

/** Lists the apps installed on a device, with versions. */
export const installedApplicationList: CommandSpec<InstalledApplicationListArguments, InstalledApplication[]> = {
  requestType: 'InstalledApplicationList',
  resultKey: RESULT_KEY,
  encodeArguments: (args) =>
    plistDict({
      Identifiers: args.identifiers ? [...args.identifiers] : undefined,
      ManagedAppsOnly: args.managedAppsOnly,
      Items: args.items ? [...args.items] : undefined,
    }),
  decodeArguments: (command) => ({
    identifiers: command.optionalStringArray('Identifiers'),
    managedAppsOnly: command.optionalBoolean('ManagedAppsOnly'),
    items: command.optionalStringArray('Items'),
  }),
  readResult: (response) =>
    response.requiredArray(RESULT_KEY).map((item, index) => readApplication(PlistFields.of(item, `${RESULT_KEY}[${index}]`))),
  writeResult: (apps) => ({ [RESULT_KEY]: apps.map(writeApplication) }),
};

function readApplication(fields: PlistFields): InstalledApplication {
  return {
    identifier: fields.optionalString('Identifier'),
    version: fields.optionalString('Version'),
    shortVersion: fields.optionalString('ShortVersion'),
    name: fields.optionalString('Name'),
    bundleSize: fields.optionalInteger('BundleSize'),
    dynamicSize: fields.optionalInteger('DynamicSize'),
    isValidated: fields.optionalBoolean('IsValidated'),
    installing: fields.optionalBoolean('Installing'),
    externalVersionIdentifier: fields.optionalInteger('ExternalVersionIdentifier'),
    hasUpdateAvailable: fields.optionalBoolean('HasUpdateAvailable'),
    adHocCodeSigned: fields.optionalBoolean('AdHocCodeSigned'),
    appStoreVendable: fields.optionalBoolean('AppStoreVendable'),
    betaApp: fields.optionalBoolean('BetaApp'),
    deviceBasedVpp: fields.optionalBoolean('DeviceBasedVPP'),
    isAppClip: fields.optionalBoolean('IsAppClip'),
  };
}

function writeApplication(app: InstalledApplication) {
  return plistDict({
    Identifier: app.identifier,
    Version: app.version,
    ShortVersion: app.shortVersion,
    Name: app.name,
    BundleSize: app.bundleSize,
    DynamicSize: app.dynamicSize,
    IsValidated: app.isValidated,
    Installing: app.installing,
    ExternalVersionIdentifier: app.externalVersionIdentifier,
    HasUpdateAvailable: app.hasUpdateAvailable,
    AdHocCodeSigned: app.adHocCodeSigned,
    AppStoreVendable: app.appStoreVendable,
    BetaApp: app.betaApp,
    DeviceBasedVPP: app.deviceBasedVpp,
    IsAppClip: app.isAppClip,
  });
}
