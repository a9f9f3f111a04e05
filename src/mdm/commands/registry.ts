import { deviceInformation, type DeviceInformationArguments, type DeviceInformationResult } from './device-information.js';
import {
  installApplication,
  type InstallApplicationArguments,
  type InstallApplicationResult,
} from './install-application.js';
import {
  installProvisioningProfile,
  type InstallProvisioningProfileArguments,
} from './install-provisioning-profile.js';
import {
  installedApplicationList,
  type InstalledApplication,
  type InstalledApplicationListArguments,
} from './installed-application-list.js';
import {
  managedApplicationList,
  type ManagedApplication,
  type ManagedApplicationListArguments,
} from './managed-application-list.js';
import {
  provisioningProfileList,
  type InstalledProvisioningProfile,
  type ProvisioningProfileListArguments,
} from './provisioning-profile-list.js';
import { removeProvisioningProfile, type RemoveProvisioningProfileArguments } from './remove-provisioning-profile.js';
import type { CommandSpec, NoPayload, RequestType } from './types.js';

/** The arguments each command is built from. */
export interface CommandArguments {
  InstallProvisioningProfile: InstallProvisioningProfileArguments;
  RemoveProvisioningProfile: RemoveProvisioningProfileArguments;
  ProvisioningProfileList: ProvisioningProfileListArguments;
  InstallApplication: InstallApplicationArguments;
  InstalledApplicationList: InstalledApplicationListArguments;
  ManagedApplicationList: ManagedApplicationListArguments;
  DeviceInformation: DeviceInformationArguments;
}

/** What an `Acknowledged` response to each command carries. */
export interface CommandResults {
  InstallProvisioningProfile: NoPayload;
  RemoveProvisioningProfile: NoPayload;
  ProvisioningProfileList: InstalledProvisioningProfile[];
  InstallApplication: InstallApplicationResult;
  InstalledApplicationList: InstalledApplication[];
  ManagedApplicationList: ReadonlyMap<string, ManagedApplication>;
  DeviceInformation: DeviceInformationResult;
}

/** Every command's spec, keyed by RequestType. The mapped type makes a missing one a compile error. */
export type CommandRegistry = {
  readonly [K in RequestType]: CommandSpec<CommandArguments[K], CommandResults[K]>;
};

export const COMMANDS: CommandRegistry = Object.freeze({
  InstallProvisioningProfile: installProvisioningProfile,
  RemoveProvisioningProfile: removeProvisioningProfile,
  ProvisioningProfileList: provisioningProfileList,
  InstallApplication: installApplication,
  InstalledApplicationList: installedApplicationList,
  ManagedApplicationList: managedApplicationList,
  DeviceInformation: deviceInformation,
});

/** Every RequestType Provisio handles, in registry order. */
export const REQUEST_TYPES = Object.freeze(Object.keys(COMMANDS) as RequestType[]);

/** True for a RequestType Provisio builds and reads. */
export function isRequestType(value: string): value is RequestType {
  return Object.hasOwn(COMMANDS, value);
}
