import { describe, expect, it } from 'vitest';
import { parsePlist, writeXmlPlist } from '../../formats/plist/index.js';
import { buildCommand, parseCommand } from './command-plist.js';
import { ManagementFlag } from './install-application.js';
import { expectCode } from '../protocol/testing/expect-code.js';

const CMS_START = Uint8Array.of(0x30, 0x80, 0x06, 0x09);

describe('buildCommand', () => {
  it('writes the envelope Apple documents, as XML bytes that parse back to the plist', () => {
    const built = buildCommand('ProvisioningProfileList', { managedOnly: false }, '0001_ProvisioningProfileList');
    expect(built.plist).toEqual({
      Command: { ManagedOnly: false, RequestType: 'ProvisioningProfileList' },
      CommandUUID: '0001_ProvisioningProfileList',
    });
    expect(parsePlist(built.bytes)).toEqual(built.plist);
    expect(new TextDecoder().decode(built.bytes)).toBe(writeXmlPlist(built.plist));
  });

  it('makes a fresh CommandUUID per command unless one is given', () => {
    const first = buildCommand('RemoveProvisioningProfile', { uuid: 'a' });
    const second = buildCommand('RemoveProvisioningProfile', { uuid: 'a' });
    expect(first.commandUuid).toMatch(/^[0-9A-F-]{36}$/);
    expect(first.commandUuid).not.toBe(second.commandUuid);
  });

  it('sends the signed profile bytes as data', () => {
    const profile = Uint8Array.of(...CMS_START, 1, 2, 3);
    const built = buildCommand('InstallProvisioningProfile', { profile });
    expect(built.plist['Command']).toEqual({ ProvisioningProfile: profile, RequestType: 'InstallProvisioningProfile' });
  });

  it('refuses a decoded profile plist where the signed bytes belong', () => {
    const decoded = new TextEncoder().encode(writeXmlPlist({ UUID: 'x' }));
    expectCode(() => buildCommand('InstallProvisioningProfile', { profile: decoded }), 'mdm.invalid_argument');
  });

  it('writes InstallApplication with its optional keys only when given', () => {
    const minimal = buildCommand('InstallApplication', { manifestUrl: 'https://mdm.example.com/manifests/1.plist' });
    expect(minimal.plist['Command']).toEqual({
      ManifestURL: 'https://mdm.example.com/manifests/1.plist',
      RequestType: 'InstallApplication',
    });
    const full = buildCommand('InstallApplication', {
      manifestUrl: 'https://mdm.example.com/manifests/1.plist',
      identifier: 'com.example.field',
      managementFlags: ManagementFlag.removeWithMdmProfile | ManagementFlag.preventBackup,
      changeManagementState: 'Managed',
      options: { PurchaseMethod: 0 },
      attributes: { Removable: false },
    });
    expect(full.plist['Command']).toMatchObject({
      Identifier: 'com.example.field',
      ManagementFlags: 5,
      ChangeManagementState: 'Managed',
      Options: { PurchaseMethod: 0 },
      Attributes: { Removable: false },
    });
  });

  it('refuses arguments devices would reject', () => {
    expectCode(() => buildCommand('InstallApplication', { manifestUrl: 'http://mdm.example.com/m.plist' }), 'mdm.invalid_argument');
    expectCode(() => buildCommand('InstallApplication', { manifestUrl: 'not a url' }), 'mdm.invalid_argument');
    expectCode(() => buildCommand('RemoveProvisioningProfile', { uuid: ' ' }), 'mdm.invalid_argument');
    expectCode(() => buildCommand('DeviceInformation', { queries: [''] }), 'mdm.invalid_argument');
    expectCode(() => buildCommand('ProvisioningProfileList', {}, ''), 'mdm.invalid_argument');
  });

  it('writes list queries as Apple names them', () => {
    expect(buildCommand('InstalledApplicationList', { identifiers: ['a.b'], managedAppsOnly: true, items: ['Name'] }).plist['Command']).toEqual({
      Identifiers: ['a.b'],
      ManagedAppsOnly: true,
      Items: ['Name'],
      RequestType: 'InstalledApplicationList',
    });
    expect(buildCommand('ManagedApplicationList', {}).plist['Command']).toEqual({ RequestType: 'ManagedApplicationList' });
    expect(buildCommand('DeviceInformation', { queries: ['OSVersion'] }).plist['Command']).toEqual({
      Queries: ['OSVersion'],
      RequestType: 'DeviceInformation',
    });
  });
});

describe('parseCommand', () => {
  it('reads back what buildCommand wrote', () => {
    const built = buildCommand('InstallApplication', {
      manifestUrl: 'https://mdm.example.com/m.plist',
      identifier: 'com.example.field',
      managementFlags: 1,
    });
    const decoded = parseCommand(built.bytes);
    expect(decoded).toMatchObject({
      requestType: 'InstallApplication',
      commandUuid: built.commandUuid,
      arguments: { manifestUrl: 'https://mdm.example.com/m.plist', identifier: 'com.example.field', managementFlags: 1 },
    });
    expect(Buffer.from(decoded.raw).equals(Buffer.from(built.bytes))).toBe(true);
  });

  it('refuses RequestTypes Provisio does not handle, and malformed envelopes', () => {
    const encode = (value: object) => new TextEncoder().encode(writeXmlPlist(value as never));
    expectCode(() => parseCommand(encode({ Command: { RequestType: 'EraseDevice' }, CommandUUID: 'x' })), 'mdm.unsupported_request_type');
    expectCode(() => parseCommand(encode({ Command: { RequestType: 'DeviceInformation' } })), 'mdm.missing_field');
    expectCode(() => parseCommand(encode({ CommandUUID: 'x' })), 'mdm.missing_field');
    expectCode(() => parseCommand(encode({ Command: 'x', CommandUUID: 'x' })), 'mdm.invalid_field');
  });
});
