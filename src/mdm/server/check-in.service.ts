import type { Clock } from '../../services/auth/clock.js';
import type { Database } from '../../store/database.js';
import type { Repositories } from '../../store/repositories.js';
import type { DeviceIdentityCertificate } from '../identity/index.js';
import type { AuthenticateMessage, CheckInMessage, CheckOutMessage, TokenUpdateMessage } from '../protocol/index.js';
import { refused } from './device-request-error.js';
import { enrolledDevice } from './enrolled-device.js';

const OG_UNIT = /^og:([1-9]\d{0,14})$/;

/**
 * `PUT /mdm/checkin`: Authenticate binds an identity to a device in the OG its enrollment
 * profile was issued for; TokenUpdate stores how to push it; CheckOut disables it and drops
 * its queue.
 */
export class CheckInService {
  constructor(private readonly deps: { readonly database: Pick<Database, 'transaction'>; readonly clock: Clock }) {}

  /** Applies one check-in sent with `identity`. Throws a 403 `DeviceRequestError` when refused. */
  async handle(message: CheckInMessage, identity: DeviceIdentityCertificate): Promise<void> {
    await this.deps.database.transaction(async (repositories) => {
      switch (message.kind) {
        case 'Authenticate':
          return this.authenticate(repositories, message, identity);
        case 'TokenUpdate':
          return this.tokenUpdate(repositories, message, identity);
        case 'CheckOut':
          return this.checkOut(repositories, message, identity);
        case 'unsupported':
          // Answered with 200 so the device carries on, but only for the device it speaks for.
          await enrolledDevice(repositories, identity, message.udid, { requireEnabled: true });
          return;
      }
    });
  }

  /**
   * Binds `identity` to the device named by the message, in the OG the identity was issued for:
   * - a new UDID becomes a new device in that OG;
   * - the same identity authenticating again changes nothing but the device's facts;
   * - a known UDID whose enrollment checked out (or that has none) is enrolled again, also
   *   into another OG, which it then joins;
   * - a known UDID enrolled (enabled) under another identity is a wiped device installing its
   *   profile again, allowed only with an identity of the device's own OG. From any other OG it
   *   is refused with 403 `mdm.device_enrolled_elsewhere` before anything is written: any admin
   *   of an OG can download an identity, and must not take over other OGs' devices by UDID.
   * An identity already bound to another UDID is refused (`mdm.identity_mismatch`).
   */
  private async authenticate(repositories: Repositories, message: AuthenticateMessage, identity: DeviceIdentityCertificate) {
    const ogId = ogOfIdentity(identity);
    const bound = await repositories.mdmEnrollments.findByIdentity(identity.sha256);
    if (bound !== undefined && bound.udid !== message.udid) {
      throw refused('mdm.identity_mismatch', 'this identity is enrolled as another device');
    }
    if (bound === undefined) await refuseTakeoverFromAnotherOg(repositories, message.udid, ogId);
    const root = await repositories.ogs.rootScope();
    const checkIn = {
      udid: message.udid,
      ogId,
      seenAt: this.deps.clock.now(),
      enrolledAt: this.deps.clock.now(),
      serialNumber: message.serialNumber,
      name: message.deviceName,
      model: message.productName ?? message.model,
      osVersion: message.osVersion,
    };
    const device = await repositories.devices.upsert(root, checkIn);
    if (device === undefined) throw refused('mdm.identity_without_og', 'the OG of this enrollment no longer exists');
    // Only a device that is not enrolled elsewhere gets here with another OG's identity.
    if (device.ogId !== ogId) await repositories.devices.move(root, device.id, ogId);
    await repositories.mdmEnrollments.bind(device.id, identity.sha256, message.topic);
    // A new identity for a known UDID is a re-enrollment (a wiped device, its profile installed
    // again): what was queued for the old enrollment is dropped; the inventory stays.
    if (bound === undefined) await repositories.mdmQueue.clearDevice(device.id);
  }

  private async tokenUpdate(repositories: Repositories, message: TokenUpdateMessage, identity: DeviceIdentityCertificate) {
    const enrollment = await enrolledDevice(repositories, identity, message.udid, { requireEnabled: true });
    await repositories.mdmEnrollments.updatePush(enrollment.deviceId, {
      token: message.tokenHex,
      pushMagic: message.pushMagic,
      topic: message.topic,
    });
    await repositories.devices.touch(await repositories.ogs.rootScope(), enrollment.deviceId, this.deps.clock.now());
  }

  private async checkOut(repositories: Repositories, message: CheckOutMessage, identity: DeviceIdentityCertificate) {
    const enrollment = await enrolledDevice(repositories, identity, message.udid, { requireEnabled: false });
    await repositories.mdmEnrollments.disable(enrollment.deviceId);
    await repositories.mdmQueue.clearDevice(enrollment.deviceId);
  }
}

/** Refuses a new identity for a UDID that is enrolled, and not checked out, in another OG than `ogId`. */
async function refuseTakeoverFromAnotherOg(repositories: Pick<Repositories, 'mdmEnrollments'>, udid: string, ogId: number): Promise<void> {
  const current = await repositories.mdmEnrollments.findByUdid(udid);
  if (current?.enabled === true && current.ogId !== ogId) {
    throw refused('mdm.device_enrolled_elsewhere', 'this device is enrolled in another organization group');
  }
}

/**
 * The OG an identity was issued for: its certificate names it (`OU=og:<id>`), and only our CA,
 * which the identity was just checked against, could have written that.
 */
function ogOfIdentity(identity: DeviceIdentityCertificate): number {
  const match = OG_UNIT.exec(identity.summary.organizationalUnit ?? '');
  if (match?.[1] === undefined) throw refused('mdm.identity_without_og', 'the identity certificate names no OG');
  return Number(match[1]);
}
