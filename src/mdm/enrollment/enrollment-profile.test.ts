import { describe, expect, it } from 'vitest';
import { parsePlist, type PlistDict } from '../../formats/plist/index.js';
import { buildEnrollmentProfile, type EnrollmentProfileInput } from './enrollment-profile.js';

const INPUT: EnrollmentProfileInput = {
  serverUrl: 'https://mdm.example.com/mdm/connect',
  checkInUrl: 'https://mdm.example.com/mdm/checkin',
  topic: 'com.apple.mgmt.External.0c7f1f5a-6d1e-4a5e-9a37-3c0f6b8e2d11',
  identity: { pkcs12: Uint8Array.of(0x30, 0x82, 1, 2), password: 'pw' },
  og: { id: 42, name: 'Field Service' },
  name: 'Example Corp device management',
};

function uuids(): () => string {
  let next = 0;
  return () => `00000000-0000-0000-0000-00000000000${next++}`;
}

describe('buildEnrollmentProfile', () => {
  it('holds the identity and an MDM payload that points at it', () => {
    const profile = parsePlist(buildEnrollmentProfile({ ...INPUT, newUuid: uuids() })) as PlistDict;
    expect(profile).toMatchObject({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadIdentifier: 'com.provisio.enrollment.og-42',
      PayloadUUID: '00000000-0000-0000-0000-000000000002',
      PayloadDisplayName: 'Example Corp device management',
      PayloadOrganization: 'Field Service',
    });
    const [identity, mdm] = profile['PayloadContent'] as PlistDict[];
    expect(identity).toEqual({
      PayloadType: 'com.apple.security.pkcs12',
      PayloadVersion: 1,
      PayloadIdentifier: 'com.provisio.enrollment.og-42.identity',
      PayloadUUID: '00000000-0000-0000-0000-000000000000',
      PayloadDisplayName: 'Device identity',
      PayloadContent: INPUT.identity.pkcs12,
      Password: 'pw',
      PayloadCertificateFileName: 'device-identity.p12',
    });
    expect(mdm).toEqual({
      PayloadType: 'com.apple.mdm',
      PayloadVersion: 1,
      PayloadIdentifier: 'com.provisio.enrollment.og-42.mdm',
      PayloadUUID: '00000000-0000-0000-0000-000000000001',
      PayloadDisplayName: 'Device management',
      ServerURL: INPUT.serverUrl,
      CheckInURL: INPUT.checkInUrl,
      Topic: INPUT.topic,
      IdentityCertificateUUID: '00000000-0000-0000-0000-000000000000',
      AccessRights: 8191,
      SignMessage: true,
      CheckOutWhenRemoved: true,
      ServerCapabilities: [],
    });
  });

  it('gives every payload a fresh UUID by default', () => {
    const first = parsePlist(buildEnrollmentProfile(INPUT)) as PlistDict;
    const second = parsePlist(buildEnrollmentProfile(INPUT)) as PlistDict;
    expect(first['PayloadUUID']).not.toBe(second['PayloadUUID']);
  });

  it('refuses what a device would refuse', () => {
    const bad: Partial<EnrollmentProfileInput>[] = [
      { serverUrl: 'http://mdm.example.com/mdm/connect' },
      { checkInUrl: 'mdm.example.com/checkin' },
      { topic: 'com.example.push' },
      { topic: 'com.apple.mgmt.' },
      { name: ' ' },
    ];
    for (const change of bad) {
      expect(() => buildEnrollmentProfile({ ...INPUT, ...change })).toThrow(expect.objectContaining({ code: 'mdm.invalid_argument' }));
    }
  });
});
