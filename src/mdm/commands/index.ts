/**
 * The MDM commands Provisio sends: builders for the command plist, readers for the device's
 * answer, and (for fake devices and the simulator) the reverse of both. One spec per command,
 * gathered in a registry that is exhaustive over {@link RequestType}.
 */
export type { CommandSpec, NoPayload, RequestType } from './types.js';
export {
  COMMANDS,
  REQUEST_TYPES,
  isRequestType,
  type CommandArguments,
  type CommandRegistry,
  type CommandResults,
} from './registry.js';
export { buildCommand, parseCommand, type BuiltCommand, type DecodedCommand } from './command-plist.js';
export { inferRequestType, readCommandResult, writeCommandResult } from './result.js';
export { buildAppManifest, parseAppManifest, type AppManifest } from './app-manifest.js';
export type { InstallProvisioningProfileArguments } from './install-provisioning-profile.js';
export type { RemoveProvisioningProfileArguments } from './remove-provisioning-profile.js';
export type { InstalledProvisioningProfile, ProvisioningProfileListArguments } from './provisioning-profile-list.js';
export {
  ManagementFlag,
  type InstallApplicationArguments,
  type InstallApplicationResult,
} from './install-application.js';
export type { InstalledApplication, InstalledApplicationListArguments } from './installed-application-list.js';
export type {
  ManagedAppStatus,
  ManagedApplication,
  ManagedApplicationListArguments,
} from './managed-application-list.js';
export {
  INVENTORY_QUERIES,
  type DeviceInformationArguments,
  type DeviceInformationResult,
} from './device-information.js';
