import { describe, expect, it } from 'vitest';
import {
  buildAppManifest,
  buildCommand,
  readCommandResult,
  type CommandArguments,
  type CommandResults,
  type RequestType,
} from '../../src/mdm/commands/index.js';
import { parseCommandResponse, type CommandResponse } from '../../src/mdm/protocol/index.js';
import { buildProfile, tamperProfile } from '../../src/testkit/profile/index.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { FakeDevice } from './fake-device.js';

const MANIFEST_URL = 'https://mdm.example.com/apps/field-service/2.4/manifest.plist';
const manifest = buildAppManifest({
  ipaUrl: 'https://mdm.example.com/apps/field-service/2.4/app.ipa?signature=abc',
  bundleIdentifier: 'com.example.fieldservice',
  bundleVersion: '2.4',
  title: 'Field Service',
});

function newDevice(): FakeDevice {
  return new FakeDevice('00008110-000A1B2C3D4E801E', {
    profileTrust: testPki().trustAnchors(),
    fetchManifest: (url) => {
      if (url !== MANIFEST_URL) throw new Error(`unexpected manifest URL ${url}`);
      return manifest;
    },
    facts: { DeviceName: 'Warehouse iPhone 3', OSVersion: '17.5.1', SerialNumber: 'F2LXK0ABCD', IsSupervised: false },
  });
}

/** Server builds, device answers, server decodes: the whole path in bytes. */
function exchange<K extends RequestType>(device: FakeDevice, requestType: K, args: CommandArguments[K]): CommandResponse {
  const command = buildCommand(requestType, args);
  const response = parseCommandResponse(device.answer(command.bytes));
  expect(response.udid).toBe(device.udid);
  if (response.status !== 'Idle') expect(response.commandUuid).toBe(command.commandUuid);
  return response;
}

function result<K extends RequestType>(device: FakeDevice, requestType: K, args: CommandArguments[K]): CommandResults[K] {
  const response = exchange(device, requestType, args);
  if (response.status !== 'Acknowledged') throw new Error(`${requestType} was answered ${response.status}`);
  return readCommandResult(requestType, response);
}

const renewed = {
  uuid: '6A0C5C1E-3F7B-4D1A-9E0B-2B8A1D4C7E91',
  name: 'Field Service In-House 2026',
  expirationDate: new Date('2027-02-01T00:00:00Z'),
};

describe('commands round trip through a device', () => {
  it('installs a renewed profile and proves it with ProvisioningProfileList', () => {
    const device = newDevice();
    const profile = buildProfile({ ...renewed, creationDate: new Date('2026-02-01T00:00:00Z') });
    expect(exchange(device, 'InstallProvisioningProfile', { profile }).status).toBe('Acknowledged');
    expect(result(device, 'ProvisioningProfileList', { managedOnly: true })).toEqual([
      { uuid: renewed.uuid, name: renewed.name, expiryDate: renewed.expirationDate },
    ]);
  });

  it('gets NotNow while the device is locked, and Acknowledged once unlocked', () => {
    const device = newDevice();
    const profile = buildProfile(renewed);
    device.locked = true;
    expect(exchange(device, 'InstallProvisioningProfile', { profile }).status).toBe('NotNow');
    expect(result(device, 'ProvisioningProfileList', {})).toEqual([]);
    device.locked = false;
    expect(exchange(device, 'InstallProvisioningProfile', { profile }).status).toBe('Acknowledged');
  });

  it('reads the ErrorChain of a profile the device refuses', () => {
    const device = newDevice();
    const tampered = tamperProfile(buildProfile(renewed), renewed.uuid);
    const response = exchange(device, 'InstallProvisioningProfile', { profile: tampered });
    expect(response).toMatchObject({
      status: 'Error',
      errorChain: [{ errorCode: 4001, errorDomain: 'MCInstallationErrorDomain', usEnglishDescription: 'The profile is not valid (tampered).' }],
    });
    expect(device.profiles.size).toBe(0);
  });

  it('removes a profile by UUID', () => {
    const device = newDevice();
    exchange(device, 'InstallProvisioningProfile', { profile: buildProfile(renewed) });
    expect(exchange(device, 'RemoveProvisioningProfile', { uuid: renewed.uuid }).status).toBe('Acknowledged');
    expect(result(device, 'ProvisioningProfileList', {})).toEqual([]);
    expect(exchange(device, 'RemoveProvisioningProfile', { uuid: renewed.uuid }).status).toBe('Error');
  });

  it('installs an app from its manifest and sees it in both app lists', () => {
    const device = newDevice();
    expect(
      result(device, 'InstallApplication', { manifestUrl: MANIFEST_URL, identifier: 'com.example.fieldservice', managementFlags: 1 }),
    ).toEqual({ identifier: 'com.example.fieldservice', state: 'Installing', rejectionReason: undefined });
    const [app] = result(device, 'InstalledApplicationList', { identifiers: ['com.example.fieldservice'] });
    expect(app).toMatchObject({ identifier: 'com.example.fieldservice', version: '2.4', shortVersion: '2.4', name: 'Field Service', isValidated: true });
    const managed = result(device, 'ManagedApplicationList', {});
    expect(managed.get('com.example.fieldservice')).toMatchObject({ status: 'Managed', managementFlags: 1 });
    expect(result(device, 'InstalledApplicationList', { identifiers: ['com.example.other'] })).toEqual([]);
  });

  it('asks DeviceInformation and reads the answers it was given', () => {
    const information = result(newDevice(), 'DeviceInformation', { queries: ['DeviceName', 'OSVersion', 'IsSupervised', 'IMEI'] });
    expect(information).toMatchObject({ deviceName: 'Warehouse iPhone 3', osVersion: '17.5.1', serialNumber: undefined });
    expect({ ...information.queryResponses }).toEqual({ DeviceName: 'Warehouse iPhone 3', OSVersion: '17.5.1', IsSupervised: false });
  });
});
