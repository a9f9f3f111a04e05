import { FormatError } from '../errors.js';
import {
  isDict,
  optionalArray,
  optionalBoolean,
  optionalData,
  optionalDate,
  optionalDict,
  optionalInteger,
  optionalString,
} from '../plist/access.js';
import type { PlistDict, PlistValue } from '../plist/types.js';
import { splitAppIdentifier } from './app-identifier.js';
import { classifyProfile } from './classify.js';
import type { ProvisioningProfile } from './types.js';

const INVALID = 'profile.invalid_field';

/** The profile's fields that come from the plist alone (no signature, no certificate parsing). */
export type ProfileFields = Omit<ProvisioningProfile, 'signature' | 'certificates'> & {
  readonly developerCertificates: readonly Uint8Array[];
};

/**
 * Reads a provisioning profile's payload. Keys Apple always writes are required; the rest are
 * optional because older profiles (before 2015) and macOS profiles omit some of them.
 */
export function readProfileFields(payload: PlistValue): ProfileFields {
  if (!isDict(payload)) {
    throw new FormatError('profile.not_a_profile', 'the payload is a property list, but not a dictionary');
  }
  if (payload.PayloadType !== undefined || payload.PayloadContent !== undefined) {
    throw new FormatError(
      'profile.configuration_profile',
      'this is a configuration profile (.mobileconfig), not a provisioning profile',
    );
  }
  const entitlements = optionalDict(payload, 'Entitlements', INVALID) ?? emptyDict();
  const applicationIdentifier = readApplicationIdentifier(entitlements);
  const appId = splitAppIdentifier(applicationIdentifier);
  if (!appId) {
    throw new FormatError(INVALID, `application-identifier "${applicationIdentifier}" is not TEAMID.bundle.id`);
  }
  const platforms = stringList(payload, 'Platform') ?? ['iOS'];
  const devices = stringList(payload, 'ProvisionedDevices');
  const provisionsAllDevices = optionalBoolean(payload, 'ProvisionsAllDevices', INVALID) ?? false;
  const getTaskAllow = readGetTaskAllow(entitlements);
  const teamIds = stringList(payload, 'TeamIdentifier') ?? [];
  const prefixes = stringList(payload, 'ApplicationIdentifierPrefix') ?? [];

  return {
    name: required(optionalString(payload, 'Name', INVALID), 'Name'),
    uuid: required(optionalString(payload, 'UUID', INVALID), 'UUID'),
    teamId: teamIds[0] ?? prefixes[0] ?? appId.prefix,
    teamName: optionalString(payload, 'TeamName', INVALID) ?? null,
    appIdName: optionalString(payload, 'AppIDName', INVALID) ?? null,
    applicationIdentifierPrefix: prefixes,
    applicationIdentifier,
    bundleId: appId.bundleId,
    isWildcard: appId.isWildcard,
    platforms,
    type: classifyProfile({ platforms, provisionsAllDevices, hasDeviceList: devices !== undefined, getTaskAllow }),
    creationDate: required(optionalDate(payload, 'CreationDate', INVALID), 'CreationDate'),
    expirationDate: required(optionalDate(payload, 'ExpirationDate', INVALID), 'ExpirationDate'),
    timeToLive: smallInteger(payload, 'TimeToLive'),
    version: smallInteger(payload, 'Version'),
    isXcodeManaged: optionalBoolean(payload, 'IsXcodeManaged', INVALID) ?? null,
    provisionsAllDevices,
    devices: devices ?? [],
    getTaskAllow,
    entitlements,
    hasDerEncodedProfile: optionalData(payload, 'DER-Encoded-Profile', INVALID) !== undefined,
    ppqCheck: optionalBoolean(payload, 'PPQCheck', INVALID) ?? null,
    developerCertificates: dataList(payload, 'DeveloperCertificates'),
  };
}

function readApplicationIdentifier(entitlements: PlistDict): string {
  // iOS writes `application-identifier`; macOS profiles write the `com.apple.` form instead.
  const value =
    optionalString(entitlements, 'application-identifier', INVALID) ??
    optionalString(entitlements, 'com.apple.application-identifier', INVALID);
  return required(value, 'Entitlements.application-identifier');
}

function readGetTaskAllow(entitlements: PlistDict): boolean | null {
  return (
    optionalBoolean(entitlements, 'get-task-allow', INVALID) ??
    optionalBoolean(entitlements, 'com.apple.security.get-task-allow', INVALID) ??
    null
  );
}

function required<T>(value: T | undefined, key: string): T {
  if (value === undefined) throw new FormatError('profile.missing_field', `the profile has no ${key}`);
  return value;
}

function stringList(dict: PlistDict, key: string): string[] | undefined {
  const list = optionalArray(dict, key, INVALID);
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (typeof item !== 'string') throw new FormatError(INVALID, `${key} must list strings`);
    return item;
  });
}

function dataList(dict: PlistDict, key: string): Uint8Array[] {
  const list = optionalArray(dict, key, INVALID) ?? [];
  return list.map((item) => {
    if (!(item instanceof Uint8Array)) throw new FormatError(INVALID, `${key} must list data values`);
    return item;
  });
}

function smallInteger(dict: PlistDict, key: string): number | null {
  const value = optionalInteger(dict, key, INVALID);
  if (value === undefined) return null;
  if (typeof value === 'bigint') throw new FormatError(INVALID, `${key} is out of range`);
  return value;
}

function emptyDict(): PlistDict {
  return Object.create(null) as PlistDict;
}
