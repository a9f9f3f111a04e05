import type { PushOutcome, PushSender, PushTarget } from '../mdm/apns/index.js';
import { parseCheckInMessage } from '../mdm/protocol/index.js';
import type { DeviceTransport, HttpExchange, HttpReply } from '../simulator/index.js';

const CHECK_IN_PATH = '/mdm/checkin';

/** Whoever connects a device to the server when a push reaches it. */
export interface PushReceiver {
  wake(udid: string): void;
}

/**
 * Demo mode's stand-in for APNs, in the same process as the server and the simulated devices.
 * Apple delivers a push to the phone that owns the device token; the relay learns each token
 * from the TokenUpdate the device sends (see {@link tap}) and delivers a push by waking the
 * device with that UDID. A token it never saw is answered like APNs answers an unknown one.
 */
export class PushRelay implements PushSender {
  readonly #udidByToken = new Map<string, string>();
  #devices: PushReceiver | undefined;

  /** Hands pushes from now on to `devices` (the fleet exists only once the server listens). */
  deliverTo(devices: PushReceiver): void {
    this.#devices = devices;
  }

  push(targets: readonly PushTarget[]): Promise<PushOutcome[]> {
    return Promise.resolve(targets.map((target) => this.#deliver(target)));
  }

  /** A transport that sends through `inner` and notes the token of every accepted TokenUpdate. */
  tap(inner: DeviceTransport): DeviceTransport {
    return {
      send: async (exchange: HttpExchange): Promise<HttpReply> => {
        const reply = await inner.send(exchange);
        if (reply.status >= 200 && reply.status <= 299) this.#learnToken(exchange);
        return reply;
      },
    };
  }

  #deliver(target: PushTarget): PushOutcome {
    const udid = this.#udidByToken.get(target.token);
    const devices = this.#devices;
    if (udid === undefined || devices === undefined) return { status: 'invalid_token', target, reason: 'BadDeviceToken', invalidSince: undefined, attempts: 1 };
    // APNs answers at once; the phone connects when the push reaches it, not before the answer.
    setImmediate(() => devices.wake(udid));
    return { status: 'delivered', target, apnsId: undefined, attempts: 1 };
  }

  #learnToken(exchange: HttpExchange): void {
    if (exchange.method !== 'PUT' || !exchange.body || new URL(exchange.url).pathname !== CHECK_IN_PATH) return;
    const message = parseCheckInMessage(exchange.body);
    if (message.kind === 'TokenUpdate') this.#udidByToken.set(message.tokenHex, message.udid);
  }
}
