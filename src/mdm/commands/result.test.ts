import { describe, expect, it } from 'vitest';
import { writeXmlPlist, type PlistDict } from '../../formats/plist/index.js';
import { parseCommandResponse, type AcknowledgedReport } from '../protocol/index.js';
import { REQUEST_TYPES, isRequestType } from './registry.js';
import { inferRequestType, readCommandResult } from './result.js';
import { expectCode } from '../protocol/testing/expect-code.js';

const UDID = '00008110-000A1B2C3D4E801E';

function acknowledged(payload: PlistDict): AcknowledgedReport {
  const body = new TextEncoder().encode(writeXmlPlist({ ...payload, UDID, Status: 'Acknowledged', CommandUUID: 'C-1' }));
  const report = parseCommandResponse(body);
  if (report.status !== 'Acknowledged') throw new Error('not acknowledged');
  return report;
}

describe('the command registry', () => {
  it('covers exactly the seven commands Provisio sends', () => {
    expect([...REQUEST_TYPES].sort()).toEqual([
      'DeviceInformation',
      'InstallApplication',
      'InstallProvisioningProfile',
      'InstalledApplicationList',
      'ManagedApplicationList',
      'ProvisioningProfileList',
      'RemoveProvisioningProfile',
    ]);
    expect(isRequestType('EraseDevice')).toBe(false);
    expect(isRequestType('toString')).toBe(false);
  });
});

describe('readCommandResult', () => {
  it('reads ProvisioningProfileList, where ExpiryDate may be absent', () => {
    const report = acknowledged({ ProvisioningProfileList: [{ Name: 'Field App', UUID: 'U-1' }] });
    expect(readCommandResult('ProvisioningProfileList', report)).toEqual([{ name: 'Field App', uuid: 'U-1', expiryDate: undefined }]);
  });

  it('accepts an empty profile Name, but not an empty UUID', () => {
    const report = acknowledged({ ProvisioningProfileList: [{ Name: '', UUID: 'U-2' }] });
    expect(readCommandResult('ProvisioningProfileList', report)).toEqual([{ name: '', uuid: 'U-2', expiryDate: undefined }]);
    const noUuid = acknowledged({ ProvisioningProfileList: [{ Name: 'n', UUID: '' }] });
    expectCode(() => readCommandResult('ProvisioningProfileList', noUuid), 'mdm.missing_field');
  });

  it('reads ManagedApplicationList keyed by bundle id, even ids that look like Object keys', () => {
    const list = Object.create(null) as PlistDict;
    list['__proto__'] = { Status: 'Installing' };
    list['constructor'] = { Status: 'Failed' };
    const apps = readCommandResult('ManagedApplicationList', acknowledged({ ManagedApplicationList: list }));
    expect(apps.get('__proto__')?.status).toBe('Installing');
    expect(apps.get('constructor')?.status).toBe('Failed');
  });

  it('reads the InstallApplication answer', () => {
    const report = acknowledged({ Identifier: 'com.example.field', State: 'Queued' });
    expect(readCommandResult('InstallApplication', report)).toEqual({
      identifier: 'com.example.field',
      state: 'Queued',
      rejectionReason: undefined,
    });
  });

  it('reports payloads of the wrong shape with stable codes', () => {
    expectCode(() => readCommandResult('ProvisioningProfileList', acknowledged({})), 'mdm.missing_field');
    expectCode(() => readCommandResult('ProvisioningProfileList', acknowledged({ ProvisioningProfileList: ['x'] })), 'mdm.invalid_field');
    expectCode(() => readCommandResult('ProvisioningProfileList', acknowledged({ ProvisioningProfileList: [{ UUID: 'u' }] })), 'mdm.missing_field');
    expectCode(() => readCommandResult('InstalledApplicationList', acknowledged({ InstalledApplicationList: [{ BundleSize: 'big' }] })), 'mdm.invalid_field');
    expectCode(() => readCommandResult('InstalledApplicationList', acknowledged({ InstalledApplicationList: [{ BundleSize: 2n ** 60n }] })), 'mdm.invalid_field');
    expectCode(() => readCommandResult('ManagedApplicationList', acknowledged({ ManagedApplicationList: { a: {} } })), 'mdm.missing_field');
    expectCode(() => readCommandResult('DeviceInformation', acknowledged({ QueryResponses: { OSVersion: 17 } })), 'mdm.invalid_field');
  });
});

describe('inferRequestType', () => {
  it('trusts an echoed RequestType it knows, else recognises the result key', () => {
    expect(inferRequestType(acknowledged({ RequestType: 'ProvisioningProfileList' }))).toBe('ProvisioningProfileList');
    expect(inferRequestType(acknowledged({ InstalledApplicationList: [] }))).toBe('InstalledApplicationList');
    expect(inferRequestType(acknowledged({ ManagedApplicationList: {} }))).toBe('ManagedApplicationList');
    expect(inferRequestType(acknowledged({ QueryResponses: {} }))).toBe('DeviceInformation');
    expect(inferRequestType(acknowledged({ RequestType: 'Settings', Identifier: 'x' }))).toBeUndefined();
    expect(inferRequestType(acknowledged({}))).toBeUndefined();
  });
});
