import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApnsClient } from '../../src/mdm/apns/index.js';
import { createEnrollmentCa, issueEnrollmentProfile, openEnrollmentCa, type DeviceIdentity } from '../../src/mdm/enrollment/index.js';
import { verifyMdmSignature } from '../../src/mdm/identity/index.js';
import { encodeCheckInMessage, encodeCommandResponse, parseCheckInMessage, parseCommandResponse } from '../../src/mdm/protocol/index.js';
import { signCms } from '../../src/testkit/pki/index.js';
import { FakeApns, testCertificate } from './fake-apns.js';

const TOPIC = 'com.apple.mgmt.External.0c7f1f5a-6d1e-4a5e-9a37-3c0f6b8e2d11';
const UDID = '00008110-000A1B2C3D4E801E';
const NOW = new Date();

const ca = openEnrollmentCa(await createEnrollmentCa());
const request = {
  serverUrl: 'https://mdm.example.com/mdm/connect',
  checkInUrl: 'https://mdm.example.com/mdm/checkin',
  topic: TOPIC,
  og: { id: 7, name: 'Warehouse' },
  name: 'Warehouse devices',
};

/** What a device sends: the body and its Mdm-Signature header. */
function signed(identity: DeviceIdentity, body: Uint8Array): { body: Uint8Array; header: string } {
  const signature = signCms(body, {
    signer: { certificate: identity.certificate, privateKey: identity.privateKey },
    chain: [],
    digest: 'sha256',
    encoding: 'der',
    detached: true,
  });
  return { body, header: Buffer.from(signature).toString('base64') };
}

let apns: FakeApns;
beforeAll(async () => {
  apns = await FakeApns.start();
});
afterAll(async () => {
  await apns.close();
});

describe('from enrollment profile to push', () => {
  it('enrolls a device, knows it by its identity, and wakes it through APNs', async () => {
    const { identity } = await issueEnrollmentProfile(ca, { ...request, udidHint: 'download-1' });
    const options = { enrollmentCa: ca.trustAnchors(), now: NOW };

    const authenticate = signed(identity, encodeCheckInMessage({ messageType: 'Authenticate', udid: UDID, topic: TOPIC, osVersion: '17.5' }));
    const who = verifyMdmSignature(authenticate.header, authenticate.body, options);
    expect(who).toMatchObject({ ok: true, identity: { sha256: identity.sha256 } });
    expect(parseCheckInMessage(authenticate.body)).toMatchObject({ kind: 'Authenticate', udid: UDID, osVersion: '17.5' });

    const token = Uint8Array.from({ length: 32 }, (_, index) => 255 - index);
    const tokenUpdate = signed(
      identity,
      encodeCheckInMessage({ messageType: 'TokenUpdate', udid: UDID, topic: TOPIC, token, pushMagic: 'F00D-MAGIC' }),
    );
    expect(verifyMdmSignature(tokenUpdate.header, tokenUpdate.body, options)).toMatchObject({ ok: true, identity: { sha256: identity.sha256 } });
    const message = parseCheckInMessage(tokenUpdate.body);
    if (message.kind !== 'TokenUpdate') throw new Error(`expected a TokenUpdate, got ${message.kind}`);

    const pushCertificate = testCertificate('APSP:0c7f1f5a-6d1e-4a5e-9a37-3c0f6b8e2d11');
    const client = new ApnsClient({
      origin: apns.origin,
      certificate: pushCertificate.pem,
      privateKey: pushCertificate.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      ca: apns.ca,
    });
    const outcomes = await client.push([{ token: message.tokenHex, pushMagic: message.pushMagic, topic: message.topic }]);
    await client.close();
    expect(outcomes).toMatchObject([{ status: 'delivered' }]);
    expect(apns.pushes).toMatchObject([{ token: Buffer.from(token).toString('hex'), topic: TOPIC, body: { mdm: 'F00D-MAGIC' } }]);
  });

  it("tells devices apart by identity and refuses a body that is not the one signed", async () => {
    const [first, second] = await Promise.all([
      issueEnrollmentProfile(ca, { ...request, udidHint: 'a' }),
      issueEnrollmentProfile(ca, { ...request, udidHint: 'b' }),
    ]);
    const options = { enrollmentCa: ca.trustAnchors(), now: NOW };
    const idle = encodeCommandResponse({ udid: UDID, status: 'Idle' });
    const fromFirst = signed(first.identity, idle);
    const fromSecond = signed(second.identity, idle);
    const firstResult = verifyMdmSignature(fromFirst.header, idle, options);
    const secondResult = verifyMdmSignature(fromSecond.header, idle, options);
    if (!firstResult.ok || !secondResult.ok) throw new Error('both identities should verify');
    // Both claim the same UDID in the body; only the certificate says who is talking.
    expect(parseCommandResponse(idle).udid).toBe(UDID);
    expect(firstResult.identity.sha256).not.toBe(secondResult.identity.sha256);
    const forged = encodeCommandResponse({ udid: 'ANOTHER-DEVICE', status: 'Idle' });
    expect(verifyMdmSignature(fromFirst.header, forged, options)).toMatchObject({ ok: false, code: 'mdm.signature_invalid' });
  });
});
