import { describe, expect, it } from 'vitest';
import { encodeCheckInMessage } from '../mdm/protocol/index.js';
import type { DeviceTransport, HttpExchange } from '../simulator/index.js';
import { PushRelay } from './push-relay.js';

const TOPIC = 'com.apple.mgmt.provisio.demo';
const TOKEN = Uint8Array.from({ length: 32 }, (_, index) => index);
const TOKEN_HEX = Buffer.from(TOKEN).toString('hex');

function tokenUpdate(udid: string): HttpExchange {
  const body = encodeCheckInMessage({ messageType: 'TokenUpdate', udid, topic: TOPIC, token: TOKEN, pushMagic: 'MAGIC' });
  return { method: 'PUT', url: 'http://127.0.0.1:8080/mdm/checkin', body };
}

function answering(status: number): DeviceTransport {
  return { send: () => Promise.resolve({ status, body: new Uint8Array(0), contentType: undefined }) };
}

/** A relay handing pushes to a recorder; resolves each wake once the relay made it. */
function recordingRelay() {
  const woken: string[] = [];
  const relay = new PushRelay();
  relay.deliverTo({ wake: (udid) => void woken.push(udid) });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { relay, woken, settle };
}

describe('PushRelay', () => {
  it('wakes the device whose TokenUpdate the server accepted', async () => {
    const { relay, woken, settle } = recordingRelay();
    await relay.tap(answering(200)).send(tokenUpdate('UDID-1'));
    const [outcome] = await relay.push([{ token: TOKEN_HEX, pushMagic: 'MAGIC', topic: TOPIC }]);
    expect(outcome?.status).toBe('delivered');
    await settle();
    expect(woken).toEqual(['UDID-1']);
  });

  it('answers an unknown token as APNs does, and learns nothing from a refused TokenUpdate', async () => {
    const { relay, woken, settle } = recordingRelay();
    await relay.tap(answering(403)).send(tokenUpdate('UDID-1'));
    const [outcome] = await relay.push([{ token: TOKEN_HEX, pushMagic: 'MAGIC', topic: TOPIC }]);
    expect(outcome?.status).toBe('invalid_token');
    await settle();
    expect(woken).toEqual([]);
  });
});
