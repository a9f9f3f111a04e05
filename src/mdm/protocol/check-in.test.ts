import { describe, expect, it } from 'vitest';
import { writeBinaryPlist, writeXmlPlist, type PlistDict } from '../../formats/plist/index.js';
import { parseCheckInMessage } from './check-in.js';
import { encodeCheckInMessage } from './device-messages.js';
import type { MdmErrorCode } from './errors.js';
import { expectCode } from './testing/expect-code.js';

const TOPIC = 'com.apple.mgmt.External.0c7f1f5a-6d1e-4a5e-9a37-3c0f6b8e2d11';
const UDID = '00008110-000A1B2C3D4E801E';

function xml(dict: PlistDict): Uint8Array {
  return new TextEncoder().encode(writeXmlPlist(dict));
}

describe('parseCheckInMessage', () => {
  it('reads an Authenticate and keeps the body verbatim, as a copy', () => {
    const body = encodeCheckInMessage({
      messageType: 'Authenticate',
      udid: UDID,
      topic: TOPIC,
      serialNumber: 'F2LXK0ABCD',
      deviceName: 'Sales iPhone 7',
      model: 'iPhone14,5',
      modelName: 'iPhone',
      productName: 'iPhone14,5',
      osVersion: '17.5.1',
      buildVersion: '21F90',
    });
    const message = parseCheckInMessage(body);
    expect(message).toMatchObject({
      kind: 'Authenticate',
      udid: UDID,
      topic: TOPIC,
      serialNumber: 'F2LXK0ABCD',
      deviceName: 'Sales iPhone 7',
      osVersion: '17.5.1',
      imei: undefined,
    });
    body[0] = 0;
    expect(message.raw[0]).toBe('<'.charCodeAt(0));
  });

  it('reads a TokenUpdate: token as hex for APNs, push magic, unlock token, awaiting configuration', () => {
    const token = Uint8Array.from({ length: 32 }, (_, index) => index * 7);
    const message = parseCheckInMessage(
      encodeCheckInMessage({
        messageType: 'TokenUpdate',
        udid: UDID,
        topic: TOPIC,
        token,
        pushMagic: '5D1E0A3C-1111-2222-3333-444455556666',
        unlockToken: Uint8Array.of(1, 2, 3),
        awaitingConfiguration: true,
      }),
    );
    expect(message).toMatchObject({
      kind: 'TokenUpdate',
      tokenHex: Buffer.from(token).toString('hex'),
      pushMagic: '5D1E0A3C-1111-2222-3333-444455556666',
      unlockToken: Uint8Array.of(1, 2, 3),
      awaitingConfiguration: true,
      channel: { kind: 'device' },
    });
  });

  it('notes the user channel of a macOS or Shared iPad TokenUpdate', () => {
    const message = parseCheckInMessage(
      xml({
        MessageType: 'TokenUpdate',
        UDID,
        Topic: TOPIC,
        Token: Uint8Array.of(0xab),
        PushMagic: 'magic',
        UserID: 'A1B2C3D4-0000-0000-0000-000000000001',
        UserShortName: 'jdoe',
        UserLongName: 'Jane Doe',
      }),
    );
    expect(message).toMatchObject({
      channel: { kind: 'user', userId: 'A1B2C3D4-0000-0000-0000-000000000001', userShortName: 'jdoe', userLongName: 'Jane Doe' },
    });
  });

  it('reads a CheckOut', () => {
    const message = parseCheckInMessage(encodeCheckInMessage({ messageType: 'CheckOut', udid: UDID, topic: TOPIC }));
    expect(message).toMatchObject({ kind: 'CheckOut', udid: UDID, topic: TOPIC });
  });

  it('reports MessageTypes it does not handle instead of rejecting them', () => {
    for (const messageType of ['UserAuthenticate', 'DeclarativeManagement', 'GetBootstrapToken']) {
      const message = parseCheckInMessage(xml({ MessageType: messageType, UDID, Data: Uint8Array.of(1) }));
      expect(message).toMatchObject({ kind: 'unsupported', messageType, udid: UDID });
    }
  });

  it('accepts binary plists', () => {
    const body = writeBinaryPlist({ MessageType: 'CheckOut', UDID, Topic: TOPIC });
    expect(parseCheckInMessage(body)).toMatchObject({ kind: 'CheckOut', udid: UDID });
  });

  it('rejects what is not a check-in message, with stable codes', () => {
    const cases: [Uint8Array, MdmErrorCode][] = [
      [new TextEncoder().encode('{"MessageType":"Authenticate"}'), 'mdm.invalid_plist'],
      [new TextEncoder().encode('<plist><dict><key>a</key></dict></plist>'), 'mdm.invalid_plist'],
      [xml(['not', 'a', 'dict'] as unknown as PlistDict), 'mdm.not_a_dictionary'],
      [xml({ UDID, Topic: TOPIC }), 'mdm.missing_field'],
      [xml({ MessageType: 'Authenticate', Topic: TOPIC }), 'mdm.missing_field'],
      [xml({ MessageType: 'Authenticate', UDID: '', Topic: TOPIC }), 'mdm.missing_field'],
      [xml({ MessageType: 'Authenticate', UDID }), 'mdm.missing_field'],
      [xml({ MessageType: 'Authenticate', UDID: 42, Topic: TOPIC }), 'mdm.invalid_field'],
      [xml({ MessageType: 'TokenUpdate', UDID, Topic: TOPIC, PushMagic: 'm' }), 'mdm.missing_field'],
      [xml({ MessageType: 'TokenUpdate', UDID, Topic: TOPIC, PushMagic: 'm', Token: 'abcd' }), 'mdm.invalid_field'],
      [xml({ MessageType: 'TokenUpdate', UDID, Topic: TOPIC, PushMagic: 'm', Token: new Uint8Array(0) }), 'mdm.missing_field'],
      [xml({ MessageType: 'TokenUpdate', UDID, Topic: TOPIC, Token: Uint8Array.of(1) }), 'mdm.missing_field'],
      [xml({ MessageType: 7 }), 'mdm.invalid_field'],
    ];
    for (const [body, code] of cases) expectCode(() => parseCheckInMessage(body), code);
  });

  it('says that user enrollments are not supported', () => {
    const body = xml({ MessageType: 'Authenticate', EnrollmentID: 'E-1', Topic: TOPIC });
    expect(() => parseCheckInMessage(body)).toThrow(/user enrollments/);
  });

  it('rejects hostile bodies within a second', () => {
    const nested = `<plist>${'<array>'.repeat(100_000)}${'</array>'.repeat(100_000)}</plist>`;
    const started = performance.now();
    expectCode(() => parseCheckInMessage(new TextEncoder().encode(nested)), 'mdm.invalid_plist');
    expectCode(() => parseCheckInMessage(new Uint8Array(17 * 1024 * 1024).fill(0x20)), 'mdm.invalid_plist');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
