import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBinaryPlist } from '../../src/formats/plist/index.js';
import {
  inferRequestType,
  parseCommand,
  readCommandResult,
  type RequestType,
} from '../../src/mdm/commands/index.js';
import {
  decodeMessageBody,
  parseCheckInMessage,
  parseCommandResponse,
  type AcknowledgedReport,
  type CheckInMessage,
  type CommandResponse,
} from '../../src/mdm/protocol/index.js';
import { CORPUS_DIR, HAS_CORPUS } from '../corpus/corpus.js';

const MDM_DIR = join(CORPUS_DIR, 'mdm');

function read(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(MDM_DIR, name)));
}

function checkIn(name: string): CheckInMessage {
  return parseCheckInMessage(read(name));
}

function response(name: string): CommandResponse {
  return parseCommandResponse(read(name));
}

function acknowledged(name: string): AcknowledgedReport {
  const report = response(name);
  if (report.status !== 'Acknowledged') throw new Error(`${name} is ${report.status}`);
  return report;
}

function result<K extends RequestType>(name: string, requestType: K) {
  const report = acknowledged(name);
  expect(inferRequestType(report)).toBe(requestType);
  return readCommandResult(requestType, report);
}

const TOPIC_E0BD = 'com.apple.mgmt.External.e0bd1eac-1f17-4c8e-8a63-dd17d3dd35d9';

/** Every file of corpus/mdm, with what it must decode to. A new corpus file fails the last test until added here. */
const EXPECTATIONS: Record<string, () => void> = {
  'nanomdm__Authenticate.1.plist': () => {
    expect(checkIn('nanomdm__Authenticate.1.plist')).toMatchObject({
      kind: 'Authenticate',
      messageType: 'Authenticate',
      udid: '663b07bb783e9ade1dae4fbb92ea12afc0ce5b69',
      topic: TOPIC_E0BD,
      serialNumber: 'F5JM992LF193',
      productName: 'iPad2,5',
      osVersion: '9.3.5',
      buildVersion: '13G36',
      deviceName: undefined,
      model: undefined,
      modelName: undefined,
      enrollmentId: undefined,
    });
  },
  'nanomdm__Authenticate.2.plist': () => {
    expect(checkIn('nanomdm__Authenticate.2.plist')).toMatchObject({
      kind: 'Authenticate',
      udid: '66ADE930-5FDF-5EC4-8429-15640684C489',
      topic: TOPIC_E0BD,
      serialNumber: 'C02MT66KFLHH',
      deviceName: 'Fruit',
      model: 'iMac14,2',
      modelName: 'iMac',
      productName: 'iMac14,2',
      osVersion: '10.12.6',
      buildVersion: '16G2136',
    });
  },
  'nanomdm__TokenUpdate.1.plist': () => {
    const message = checkIn('nanomdm__TokenUpdate.1.plist');
    expect(message).toMatchObject({
      kind: 'TokenUpdate',
      udid: '663b07bb783e9ade1dae4fbb92ea12afc0ce5b69',
      topic: TOPIC_E0BD,
      pushMagic: 'CEFDF0BD-E342-4A27-8742-E930EA116B0A',
      tokenHex: Buffer.from('R+juwGLC9ynsFwPBs+GPGXHYXwC+dkRdNAgLqnAbX1E=', 'base64').toString('hex'),
      awaitingConfiguration: false,
      channel: { kind: 'device' },
    });
    if (message.kind !== 'TokenUpdate') throw new Error('not a TokenUpdate');
    expect(message.token).toHaveLength(32);
    // The UnlockToken is a keybag: it starts with the tag "DATA" and is kept byte for byte.
    expect(Buffer.from(message.unlockToken!.subarray(0, 4)).toString('latin1')).toBe('DATA');
  },
  'nanomdm__TokenUpdate.2.plist': () => {
    expect(checkIn('nanomdm__TokenUpdate.2.plist')).toMatchObject({
      kind: 'TokenUpdate',
      udid: '66ADE930-5FDF-5EC4-8429-15640684C489',
      pushMagic: '888CEB39-BFFA-40F6-89FA-B60752EB63C2',
      tokenHex: '1ba7c90066c50f77689a24f3a425caf68a300f729e88e460a9416022d5d642cc',
      unlockToken: undefined,
      awaitingConfiguration: false,
    });
  },
  'micromdm__checkin_test_TokenUpdate.xml': () => {
    expect(checkIn('micromdm__checkin_test_TokenUpdate.xml')).toMatchObject({
      kind: 'TokenUpdate',
      udid: 'BC5E2DA4-7FB6-5E70-9928-4981680DAFBF',
      topic: 'com.apple.mgmt.External.80bb2169-e864-4685-9a96-faa734f0b978',
      pushMagic: 'AB62BB8A-7757-4130-94CC-CC8C5333D481',
      tokenHex: Buffer.from('abcde\n').toString('hex'),
      awaitingConfiguration: false,
    });
  },
  'micromdm__docs_Idle.xml': () => {
    expect(response('micromdm__docs_Idle.xml')).toMatchObject({
      status: 'Idle',
      udid: '55693EB3-DF03-5FD1-9263-F7CDB8AD7FFD',
      channel: { kind: 'device' },
    });
  },
  'appledocs__ProvisioningProfileList_command.xml': () => {
    expect(parseCommand(read('appledocs__ProvisioningProfileList_command.xml'))).toMatchObject({
      requestType: 'ProvisioningProfileList',
      commandUuid: '0001_ProvisioningProfileList',
      arguments: { managedOnly: false },
    });
  },
  'appledocs__ProvisioningProfileList_response.xml': () => {
    expect(acknowledged('appledocs__ProvisioningProfileList_response.xml')).toMatchObject({
      commandUuid: '0001_ProvisioningProfileList',
      udid: '00008020-000915083C80012E',
      errorChain: [],
    });
    expect(result('appledocs__ProvisioningProfileList_response.xml', 'ProvisioningProfileList')).toEqual([
      {
        name: 'My Company (February 2019 - February 2020)',
        uuid: '493d9dc8-e4c0-4fd8-bd8e-8fd4c0dc7b0c',
        expiryDate: new Date('2020-02-12T20:58:40Z'),
      },
    ]);
  },
  'nanomdm__DeviceInformation.1.plist': () => {
    expect(acknowledged('nanomdm__DeviceInformation.1.plist')).toMatchObject({
      commandUuid: '76eda240-5488-4989-8339-f2ae160113c4',
      requestType: 'DeviceInformation',
      udid: '66ADE930-5FDF-5EC4-8429-15640684C489',
    });
    const information = result('nanomdm__DeviceInformation.1.plist', 'DeviceInformation');
    expect({ ...information.queryResponses }).toEqual({
      HostName: 'fruit.example.com',
      UDID: '66ADE930-5FDF-5EC4-8429-15640684C489',
    });
  },
  'zentral__device_information.plist': () => {
    expect(acknowledged('zentral__device_information.plist')).toMatchObject({
      commandUuid: '02CD8B7A-465F-49E6-86D6-D3ACAAE5529E',
      udid: '9353BC9A-5CF9-4C9E-9AD4-8D1E41D5FE3E',
      requestType: undefined,
    });
    const information = result('zentral__device_information.plist', 'DeviceInformation');
    expect(information).toMatchObject({
      deviceName: 'Yolo',
      osVersion: '13.0',
      buildVersion: '22A5321d',
      model: 'VirtualMac2,1',
      modelName: 'Virtual Machine',
      productName: 'VirtualMac2,1',
      serialNumber: 'Z3C2FCE2C0',
    });
    expect(information.queryResponses['AvailableDeviceCapacity']).toBe(10);
    expect(information.queryResponses['ActiveManagedUsers']).toEqual(['5DF1182E-C70B-4A3A-BADC-DD3E775040FB']);
  },
  'zentral__installed_application_list.plist': () => {
    expect(acknowledged('zentral__installed_application_list.plist').commandUuid).toBe(
      'E615AD27-A6DA-479A-AE17-FBCF754E1B31',
    );
    const apps = result('zentral__installed_application_list.plist', 'InstalledApplicationList');
    expect(apps).toHaveLength(3);
    expect(apps[0]).toMatchObject({
      identifier: 'com.apple.mail',
      name: 'Mail',
      version: '16.0',
      shortVersion: '16.0',
      bundleSize: 1,
      installing: false,
    });
    expect(apps[1]).toMatchObject({
      identifier: 'com.apple.dt.Xcode',
      bundleSize: 23_048_830_844,
      externalVersionIdentifier: 851_890_269,
      hasUpdateAvailable: false,
    });
    // macOS may omit Identifier, Version and ShortVersion.
    expect(apps[2]).toMatchObject({ identifier: undefined, version: undefined, name: 'https+++lucid', bundleSize: 819_268 });
  },
  'zentral__managed_application_list.plist': () => {
    expect(acknowledged('zentral__managed_application_list.plist')).toMatchObject({
      commandUuid: '79AEDFB0-686C-45AD-9F44-E92D36E4EEE0',
      udid: 'B79EE23C-F5C1-489E-ADC2-DB4A7B3D54FF',
    });
    const apps = result('zentral__managed_application_list.plist', 'ManagedApplicationList');
    expect([...apps.keys()]).toEqual(['com.acme.myenterpriseapp']);
    expect(apps.get('com.acme.myenterpriseapp')).toEqual({
      status: 'Managed',
      managementFlags: 0,
      hasConfiguration: false,
      hasFeedback: false,
      isValidated: true,
      externalVersionIdentifier: 0,
      unusedRedemptionCode: undefined,
    });
  },
  // Responses to commands Provisio does not send: accepted, status and ids read, payload kept raw.
  'zentral__certificate_list.plist': () => {
    const report = acknowledged('zentral__certificate_list.plist');
    expect(report).toMatchObject({ commandUuid: '0001-CertificateList', udid: '00008020-000915083C80012E' });
    expect(inferRequestType(report)).toBeUndefined();
    expect(report.plist['CertificateList']).toHaveLength(2);
  },
  'zentral__profile_list.plist': () => {
    const report = acknowledged('zentral__profile_list.plist');
    expect(report).toMatchObject({ commandUuid: 'ABCC7D59-00FC-45DE-995A-296B119583E8', udid: '7DD67F73-27DE-57B7-872F-C68FACCD9186' });
    expect(inferRequestType(report)).toBeUndefined();
    expect(report.plist['ProfileList']).toHaveLength(2);
  },
  'zentral__security_info.plist': () => {
    const report = acknowledged('zentral__security_info.plist');
    expect(report).toMatchObject({ commandUuid: '9A105E87-EC35-4F65-A265-423CFB92D624', udid: '9353BC9A-5CF9-4C9E-9AD4-8D1E41D5FE3E' });
    expect(Object.keys(report.plist).sort()).toEqual(['CommandUUID', 'SecurityInfo', 'Status', 'UDID']);
  },
  'zentral__security_info_ios.plist': () => {
    const report = acknowledged('zentral__security_info_ios.plist');
    expect(report).toMatchObject({ commandUuid: '9A105E87-EC35-4F65-A265-423CFB92D624', udid: 'cb48a725986c8b4e23b6ca68e5b6941d073c990f' });
    expect(inferRequestType(report)).toBeUndefined();
  },
};

describe.skipIf(!HAS_CORPUS)('corpus/mdm: every device message decodes to what the file says', () => {
  for (const [name, check] of Object.entries(EXPECTATIONS)) {
    it(name, check);
  }

  it('keeps every message body byte for byte', () => {
    for (const name of Object.keys(EXPECTATIONS).filter((file) => !file.includes('_command'))) {
      const bytes = read(name);
      const text = Buffer.from(bytes).toString('utf8');
      const message = text.includes('<key>MessageType</key>') ? parseCheckInMessage(bytes) : parseCommandResponse(bytes);
      expect(Buffer.from(message.raw).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('decodes the same messages sent as binary plists', () => {
    for (const name of Object.keys(EXPECTATIONS).filter((file) => !file.includes('_command'))) {
      const xml = read(name);
      const binary = writeBinaryPlist(decodeMessageBody(xml));
      const isCheckIn = Buffer.from(xml).toString('utf8').includes('<key>MessageType</key>');
      const fromXml = isCheckIn ? parseCheckInMessage(xml) : parseCommandResponse(xml);
      const fromBinary = isCheckIn ? parseCheckInMessage(binary) : parseCommandResponse(binary);
      expect({ ...fromBinary, raw: null }).toEqual({ ...fromXml, raw: null });
    }
  });

  it('has an expectation for every file in the folder', () => {
    expect(readdirSync(MDM_DIR).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
  });
});
