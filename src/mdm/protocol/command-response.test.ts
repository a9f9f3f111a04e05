import { describe, expect, it } from 'vitest';
import { writeXmlPlist, type PlistDict } from '../../formats/plist/index.js';
import { parseCommandResponse } from './command-response.js';
import { encodeCommandResponse } from './device-messages.js';
import { describeErrorChain } from './error-chain.js';
import type { MdmErrorCode } from './errors.js';
import { expectCode } from './testing/expect-code.js';

const UDID = '00008110-000A1B2C3D4E801E';
const COMMAND_UUID = '2F4C6E1A-9B3D-4A7F-8E21-5C0D9B7A6F31';

function xml(dict: PlistDict): Uint8Array {
  return new TextEncoder().encode(writeXmlPlist(dict));
}

describe('parseCommandResponse', () => {
  it('reads Idle, which carries no CommandUUID', () => {
    expect(parseCommandResponse(encodeCommandResponse({ udid: UDID, status: 'Idle' }))).toMatchObject({
      status: 'Idle',
      udid: UDID,
    });
  });

  it('reads NotNow and CommandFormatError with their CommandUUID', () => {
    for (const status of ['NotNow', 'CommandFormatError'] as const) {
      const report = parseCommandResponse(encodeCommandResponse({ udid: UDID, status, commandUuid: COMMAND_UUID }));
      expect(report).toMatchObject({ status, commandUuid: COMMAND_UUID, errorChain: [] });
    }
  });

  it('reads an Error with its ErrorChain', () => {
    const errorChain = [
      {
        errorCode: 1009,
        errorDomain: 'MCProfileErrorDomain',
        localizedDescription: 'Le profil n’a pas pu être installé.',
        usEnglishDescription: 'The profile could not be installed.',
      },
      { errorCode: 4001, errorDomain: 'MCInstallationErrorDomain', localizedDescription: undefined, usEnglishDescription: undefined },
    ];
    const report = parseCommandResponse(
      encodeCommandResponse({ udid: UDID, status: 'Error', commandUuid: COMMAND_UUID, errorChain }),
    );
    expect(report).toMatchObject({ status: 'Error', commandUuid: COMMAND_UUID, errorChain });
    if (report.status === 'Idle') throw new Error('unexpected Idle');
    expect(describeErrorChain(report.errorChain)).toBe(
      'MCProfileErrorDomain 1009: The profile could not be installed. <- MCInstallationErrorDomain 4001',
    );
  });

  it('keeps payload keys in the plist and echoes RequestType when the device sends it', () => {
    const report = parseCommandResponse(
      xml({ UDID, Status: 'Acknowledged', CommandUUID: COMMAND_UUID, RequestType: 'DeviceInformation', QueryResponses: { DeviceName: 'x' } }),
    );
    expect(report).toMatchObject({ status: 'Acknowledged', requestType: 'DeviceInformation' });
    expect(report.plist['QueryResponses']).toEqual({ DeviceName: 'x' });
  });

  it('rejects malformed responses with stable codes', () => {
    const cases: [PlistDict, MdmErrorCode][] = [
      [{ UDID, Status: 'Done' }, 'mdm.unknown_status'],
      [{ UDID }, 'mdm.missing_field'],
      [{ Status: 'Idle' }, 'mdm.missing_field'],
      [{ UDID, Status: 'Acknowledged' }, 'mdm.missing_field'],
      [{ UDID, Status: 'Acknowledged', CommandUUID: 5 }, 'mdm.invalid_field'],
      [{ UDID, Status: 'Error', CommandUUID: COMMAND_UUID, ErrorChain: ['oops'] }, 'mdm.invalid_field'],
      [{ UDID, Status: 'Error', CommandUUID: COMMAND_UUID, ErrorChain: [{ ErrorDomain: 'd' }] }, 'mdm.missing_field'],
      [{ UDID, Status: 'Error', CommandUUID: COMMAND_UUID, ErrorChain: { ErrorCode: 1 } }, 'mdm.invalid_field'],
      [{ UDID, Status: 'Idle', UserID: 3 }, 'mdm.invalid_field'],
    ];
    for (const [dict, code] of cases) expectCode(() => parseCommandResponse(xml(dict)), code);
  });
});
