import type { PlistDict } from '../formats/plist/index.js';
import {
  parseAppManifest,
  writeCommandResult,
  type DecodedCommand,
  type InstalledApplication,
  type ManagedApplication,
} from '../mdm/commands/index.js';
import type { CommandResponseInput, ErrorChainItem } from '../mdm/protocol/index.js';
import { embeddedProfiles, inspectDownloadedIpa } from './app-download.js';
import type { AppStore } from './app-store.js';
import type { DeviceFacts } from './device-facts.js';
import { DeviceErrors } from './error-chain.js';
import type { ProfileStore } from './profile-store.js';
import type { TrustAnchors } from '../formats/cms/index.js';

/** What answering a command may touch on the device. */
export interface AnsweringDevice {
  readonly facts: DeviceFacts;
  readonly profiles: ProfileStore;
  readonly apps: AppStore;
  readonly supervised: boolean;
  /** Whether to download the .ipa behind a manifest (and install the profiles it embeds). */
  readonly downloadApps: boolean;
  readonly profileTrust: TrustAnchors;
  readonly locked: boolean;
  /** GETs a URL the server handed out; throws with a reason when it cannot. */
  download(url: string): Promise<Uint8Array>;
  /** Records a question put to the user. */
  prompt(text: string): void;
}

type Answer = CommandResponseInput & { readonly status: Exclude<CommandResponseInput['status'], 'Idle'> };

/** The device's answer to one command, after carrying it out. */
export async function answerCommand(device: AnsweringDevice, command: DecodedCommand): Promise<Answer> {
  const { udid } = device.facts;
  const { commandUuid } = command;
  const acknowledged = (payload: PlistDict = {}): Answer => ({ udid, status: 'Acknowledged', commandUuid, payload });
  const failed = (item: ErrorChainItem): Answer => ({ udid, status: 'Error', commandUuid, errorChain: [item] });
  switch (command.requestType) {
    case 'InstallProvisioningProfile': {
      if (device.locked) return { udid, status: 'NotNow', commandUuid };
      const outcome = device.profiles.install(command.arguments.profile);
      if (outcome === 'unreadable') return failed(DeviceErrors.profileUnreadable());
      if (outcome === 'bad-signature') return failed(DeviceErrors.profileBadSignature());
      return acknowledged();
    }
    case 'RemoveProvisioningProfile':
      return device.profiles.remove(command.arguments.uuid) ? acknowledged() : failed(DeviceErrors.profileNotInstalled());
    case 'ProvisioningProfileList':
      return acknowledged(writeCommandResult('ProvisioningProfileList', profileList(device)));
    case 'InstallApplication': {
      if (device.locked) return { udid, status: 'NotNow', commandUuid };
      const problem = await installApplication(device, command.arguments.manifestUrl);
      if (typeof problem !== 'string') return failed(problem);
      return acknowledged(writeCommandResult('InstallApplication', { identifier: problem, state: 'Installing', rejectionReason: undefined }));
    }
    case 'InstalledApplicationList':
      return acknowledged(writeCommandResult('InstalledApplicationList', installedApps(device, command.arguments.identifiers)));
    case 'ManagedApplicationList':
      return acknowledged(writeCommandResult('ManagedApplicationList', managedApps(device, command.arguments.identifiers)));
    case 'DeviceInformation':
      return acknowledged(writeCommandResult('DeviceInformation', information(device, command.arguments.queries)));
  }
}

/** Fetches the manifest (and the .ipa when asked), installs; the bundle id, or the error to report. */
async function installApplication(device: AnsweringDevice, manifestUrl: string): Promise<string | ErrorChainItem> {
  let manifest;
  try {
    manifest = parseAppManifest(await device.download(manifestUrl));
  } catch (error) {
    return DeviceErrors.downloadFailed('app manifest', reason(error));
  }
  let size: number | undefined;
  if (device.downloadApps) {
    try {
      const ipa = await device.download(manifest.ipaUrl);
      size = ipa.length;
      for (const profile of embeddedProfiles(await inspectDownloadedIpa(ipa, device.profileTrust))) device.profiles.adopt(profile);
    } catch (error) {
      return DeviceErrors.downloadFailed('app', reason(error));
    }
  }
  // An unsupervised device asks its user before MDM installs an app it did not have.
  if (!device.supervised && !device.apps.get(manifest.bundleIdentifier)) {
    device.prompt(`"${manifest.title}" would like to install. Install / Cancel`);
  }
  device.apps.install({ bundleId: manifest.bundleIdentifier, version: manifest.bundleVersion, name: manifest.title, size });
  return manifest.bundleIdentifier;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function profileList(device: AnsweringDevice) {
  return device.profiles.list().map((profile) => ({ uuid: profile.uuid, name: profile.name, expiryDate: profile.expiryDate }));
}

function selected<T extends { readonly bundleId: string }>(apps: readonly T[], identifiers: readonly string[] | undefined): T[] {
  return identifiers?.length ? apps.filter((app) => identifiers.includes(app.bundleId)) : [...apps];
}

function installedApps(device: AnsweringDevice, identifiers: readonly string[] | undefined): InstalledApplication[] {
  return selected(device.apps.list(), identifiers).map((app) => ({
    identifier: app.bundleId,
    version: app.version,
    shortVersion: app.version,
    name: app.name,
    bundleSize: app.size,
    dynamicSize: undefined,
    isValidated: true,
    installing: false,
    externalVersionIdentifier: undefined,
    hasUpdateAvailable: undefined,
    adHocCodeSigned: false,
    appStoreVendable: false,
    betaApp: false,
    deviceBasedVpp: false,
    isAppClip: false,
  }));
}

function managedApps(device: AnsweringDevice, identifiers: readonly string[] | undefined): Map<string, ManagedApplication> {
  const managed = new Map<string, ManagedApplication>();
  for (const app of selected(device.apps.list(), identifiers)) {
    managed.set(app.bundleId, {
      status: 'Managed',
      managementFlags: 1,
      hasConfiguration: false,
      hasFeedback: false,
      isValidated: true,
      externalVersionIdentifier: 0,
      unusedRedemptionCode: undefined,
    });
  }
  return managed;
}

function information(device: AnsweringDevice, queries: readonly string[]) {
  const { facts } = device;
  const known: PlistDict = {
    UDID: facts.udid,
    SerialNumber: facts.serialNumber,
    DeviceName: facts.deviceName,
    Model: facts.model,
    ModelName: facts.modelName,
    ProductName: facts.productName,
    OSVersion: facts.osVersion,
    BuildVersion: facts.buildVersion,
    IsSupervised: device.supervised,
  };
  // A device answers the queries it knows and leaves the others out.
  const queryResponses: PlistDict = {};
  for (const query of queries) if (Object.hasOwn(known, query)) queryResponses[query] = known[query]!;
  const answered = (key: keyof DeviceFacts, query: string) => (Object.hasOwn(queryResponses, query) ? facts[key] : undefined);
  return {
    queryResponses,
    deviceName: answered('deviceName', 'DeviceName'),
    osVersion: answered('osVersion', 'OSVersion'),
    buildVersion: answered('buildVersion', 'BuildVersion'),
    model: answered('model', 'Model'),
    modelName: answered('modelName', 'ModelName'),
    productName: answered('productName', 'ProductName'),
    serialNumber: answered('serialNumber', 'SerialNumber'),
  };
}
