import type { TrustAnchors } from '../../src/formats/cms/index.js';
import type { PlistDict } from '../../src/formats/plist/index.js';
import { parseProfile } from '../../src/formats/profile/index.js';
import {
  parseAppManifest,
  parseCommand,
  writeCommandResult,
  type DecodedCommand,
  type InstalledApplication,
  type ManagedApplication,
} from '../../src/mdm/commands/index.js';
import { encodeCommandResponse, type CommandResponseInput, type ErrorChainItem } from '../../src/mdm/protocol/index.js';

interface HeldProfile {
  readonly name: string;
  readonly expiryDate: Date;
}

interface HeldApp {
  readonly version: string;
  readonly name: string;
}

export interface FakeDeviceOptions {
  /** Anchors the device trusts profile signatures to (the test PKI's). */
  readonly profileTrust: TrustAnchors;
  /** Fetches an app manifest URL (what the device does over https). */
  readonly fetchManifest: (url: string) => Uint8Array;
  /** Answers to DeviceInformation queries. */
  readonly facts?: PlistDict;
}

/**
 * An iPhone as far as the commands Provisio sends go: it keeps provisioning profiles by UUID and
 * apps by bundle id, answers NotNow to installs while locked, and refuses profiles whose
 * signature does not verify. It speaks only in plist bytes, like a real device.
 */
export class FakeDevice {
  locked = false;
  readonly profiles = new Map<string, HeldProfile>();
  readonly apps = new Map<string, HeldApp>();

  constructor(
    readonly udid: string,
    private readonly options: FakeDeviceOptions,
  ) {}

  /** The connect body answering one command. */
  answer(commandBytes: Uint8Array): Uint8Array {
    const command = parseCommand(commandBytes);
    return encodeCommandResponse(this.#respond(command));
  }

  #respond(command: DecodedCommand): CommandResponseInput {
    const { udid } = this;
    const { commandUuid } = command;
    const acknowledged = (payload: PlistDict = {}) => ({ udid, status: 'Acknowledged' as const, commandUuid, payload });
    const failed = (errorChain: ErrorChainItem[]) => ({ udid, status: 'Error' as const, commandUuid, errorChain });
    switch (command.requestType) {
      case 'InstallProvisioningProfile': {
        if (this.locked) return { udid, status: 'NotNow', commandUuid };
        const problem = this.#install(command.arguments.profile);
        return problem ? failed([problem]) : acknowledged();
      }
      case 'RemoveProvisioningProfile':
        return this.profiles.delete(command.arguments.uuid)
          ? acknowledged()
          : failed([error(4, 'MCProvisioningProfileErrorDomain', 'The provisioning profile is not installed.')]);
      case 'ProvisioningProfileList':
        return acknowledged(writeCommandResult('ProvisioningProfileList', this.#profileList()));
      case 'InstallApplication': {
        if (this.locked) return { udid, status: 'NotNow', commandUuid };
        const manifest = parseAppManifest(this.options.fetchManifest(command.arguments.manifestUrl));
        this.apps.set(manifest.bundleIdentifier, { version: manifest.bundleVersion, name: manifest.title });
        return acknowledged(
          writeCommandResult('InstallApplication', { identifier: manifest.bundleIdentifier, state: 'Installing', rejectionReason: undefined }),
        );
      }
      case 'InstalledApplicationList':
        return acknowledged(writeCommandResult('InstalledApplicationList', this.#appList(command.arguments.identifiers)));
      case 'ManagedApplicationList':
        return acknowledged(writeCommandResult('ManagedApplicationList', this.#managedApps()));
      case 'DeviceInformation':
        return acknowledged(writeCommandResult('DeviceInformation', this.#information(command.arguments.queries)));
    }
  }

  #install(bytes: Uint8Array): ErrorChainItem | null {
    try {
      const profile = parseProfile(bytes, { trust: this.options.profileTrust });
      if (profile.signature.status !== 'valid') {
        return error(4001, 'MCInstallationErrorDomain', `The profile is not valid (${profile.signature.status}).`);
      }
      this.profiles.set(profile.uuid, { name: profile.name, expiryDate: profile.expirationDate });
      return null;
    } catch {
      return error(1009, 'MCProfileErrorDomain', 'The provisioning profile could not be read.');
    }
  }

  #profileList() {
    return [...this.profiles].map(([uuid, profile]) => ({ uuid, name: profile.name, expiryDate: profile.expiryDate }));
  }

  #appList(identifiers: readonly string[] | undefined): InstalledApplication[] {
    return [...this.apps]
      .filter(([bundleId]) => !identifiers || identifiers.includes(bundleId))
      .map(([identifier, app]) => ({
        identifier,
        version: app.version,
        shortVersion: app.version,
        name: app.name,
        bundleSize: 48_213_504,
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

  #managedApps(): Map<string, ManagedApplication> {
    const apps = new Map<string, ManagedApplication>();
    for (const bundleId of this.apps.keys()) {
      apps.set(bundleId, {
        status: 'Managed',
        managementFlags: 1,
        hasConfiguration: false,
        hasFeedback: false,
        isValidated: true,
        externalVersionIdentifier: 0,
        unusedRedemptionCode: undefined,
      });
    }
    return apps;
  }

  #information(queries: readonly string[]) {
    const facts: PlistDict = { UDID: this.udid, ...this.options.facts };
    const answers: PlistDict = {};
    for (const query of queries) if (Object.hasOwn(facts, query)) answers[query] = facts[query]!;
    const text = (key: string) => (typeof answers[key] === 'string' ? answers[key] : undefined);
    return {
      queryResponses: answers,
      deviceName: text('DeviceName'),
      osVersion: text('OSVersion'),
      buildVersion: text('BuildVersion'),
      model: text('Model'),
      modelName: text('ModelName'),
      productName: text('ProductName'),
      serialNumber: text('SerialNumber'),
    };
  }
}

function error(errorCode: number, errorDomain: string, description: string): ErrorChainItem {
  return { errorCode, errorDomain, localizedDescription: description, usEnglishDescription: description };
}
