import type { DeviceIdentityCertificate } from '../../mdm/identity/index.js';
import { enrolledDevice } from '../../mdm/server/enrolled-device.js';
import type { Database } from '../../store/database.js';
import type { DeviceNotice } from '../../store/notice-device.repository.js';
import type { Clock } from '../auth/clock.js';

/**
 * The device channel of user notices: the Provisio agent on an enrolled device asks for the
 * notices waiting for its user and gets each exactly once. The device proves who it is as for
 * MDM messages, and may only collect its own notices.
 */
export class DeviceNoticeDeliveryService {
  constructor(private readonly deps: { readonly database: Pick<Database, 'transaction'>; readonly clock: Clock }) {}

  /**
   * The undelivered notices of the device `identity` speaks for, now marked delivered. Throws a
   * 403 `DeviceRequestError` when the identity is not enrolled, checked out, or names another UDID.
   */
  collect(identity: DeviceIdentityCertificate, udid: string | undefined): Promise<DeviceNotice[]> {
    return this.deps.database.transaction(async (repositories) => {
      const device = await enrolledDevice(repositories, identity, udid, { requireEnabled: true });
      return repositories.deviceNotices.takeUndelivered(device.deviceId, this.deps.clock.now());
    });
  }
}
