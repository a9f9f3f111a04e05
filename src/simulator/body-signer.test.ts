import { describe, expect, it } from 'vitest';
import { createEnrollmentCa, issueEnrollmentProfile, openEnrollmentCa } from '../mdm/enrollment/index.js';
import { verifyMdmSignature } from '../mdm/identity/index.js';
import { encodeCommandResponse } from '../mdm/protocol/index.js';
import { BodySigner } from './body-signer.js';
import { readEnrollmentProfile } from './enrollment-settings.js';

const ca = openEnrollmentCa(await createEnrollmentCa());
const request = {
  serverUrl: 'https://mdm.example.com/mdm/connect',
  checkInUrl: 'https://mdm.example.com/mdm/checkin',
  topic: 'com.apple.mgmt.External.5d1e0a43-2c3b-4f0e-8b1a-0e9f7c6d5b4a',
  og: { id: 3, name: 'Field staff' },
  name: 'Field staff devices',
};

describe('readEnrollmentProfile and BodySigner', () => {
  it.each(['legacy-3des', 'aes-256-cbc'] as const)('opens the identity of a %s enrollment profile and signs as the server verifies', async (keyProtection) => {
    const issued = await issueEnrollmentProfile(ca, { ...request, udidHint: 'sim-1', keyProtection });
    const settings = readEnrollmentProfile(issued.mobileconfig);
    expect(settings).toMatchObject({ serverUrl: request.serverUrl, checkInUrl: request.checkInUrl, topic: request.topic, signMessages: true });
    expect(Buffer.from(settings.identity.certificate)).toEqual(Buffer.from(issued.identity.certificate));

    const body = encodeCommandResponse({ udid: 'SIM-UDID', status: 'Idle' });
    const header = await new BodySigner(settings.identity).header(body);
    const options = { enrollmentCa: ca.trustAnchors(), now: new Date() };
    expect(verifyMdmSignature(header, body, options)).toMatchObject({ ok: true, identity: { sha256: issued.identity.sha256 } });
    const other = encodeCommandResponse({ udid: 'OTHER-UDID', status: 'Idle' });
    expect(verifyMdmSignature(header, other, options)).toMatchObject({ ok: false, code: 'mdm.signature_invalid' });
  });

  it('refuses a profile without an MDM payload', () => {
    const profile = new TextEncoder().encode(
      '<?xml version="1.0"?><plist version="1.0"><dict><key>PayloadContent</key><array/></dict></plist>',
    );
    expect(() => readEnrollmentProfile(profile)).toThrow(expect.objectContaining({ code: 'simulator.enrollment_invalid' }));
  });
});
