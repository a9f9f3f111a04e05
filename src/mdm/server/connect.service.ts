import type { Kysely } from 'kysely';
import type { Clock } from '../../services/auth/clock.js';
import type { Database } from '../../store/database.js';
import type { MdmEnrollment } from '../../store/mdm-enrollment.repository.js';
import type { QueueStatus } from '../../store/mdm-queue.repository.js';
import { createRepositories, type Repositories } from '../../store/repositories.js';
import type { StoreSchema } from '../../store/schema.js';
import type { DeviceIdentityCertificate } from '../identity/index.js';
import { isAcknowledged, type CommandReport, type CommandResponse, type ReportStatus } from '../protocol/index.js';
import { enrolledDevice } from './enrolled-device.js';
import { verificationFor } from './follow-up.js';
import { updateInventory } from './inventory.js';

const ANSWER_STATUS: Readonly<Record<ReportStatus, Exclude<QueueStatus, 'pending' | 'sent'>>> = {
  Acknowledged: 'acknowledged',
  Error: 'error',
  CommandFormatError: 'format_error',
  NotNow: 'not_now',
};

/** Logs what the device endpoint does not answer with (an unreadable result payload). */
export type ConnectLog = (message: string, details: Record<string, unknown>) => void;

/**
 * `PUT /mdm/connect`: records the device's answer to one of its commands, updates the
 * inventory from it, and hands out the device's next command.
 */
export class ConnectService {
  constructor(
    private readonly deps: {
      readonly database: Pick<Database, 'kysely'>;
      readonly clock: Clock;
      readonly log: ConnectLog;
    },
  ) {}

  /**
   * The next command's bytes for the device `identity` speaks for, or undefined when its queue
   * is empty. Throws a 403 `DeviceRequestError` for a message about another device.
   */
  async handle(response: CommandResponse, identity: DeviceIdentityCertificate): Promise<Uint8Array | undefined> {
    return this.deps.database.kysely.transaction().execute(async (trx) => {
      const repositories = createRepositories(trx, () => this.deps.clock.now());
      const device = await enrolledDevice(repositories, identity, response.udid, { requireEnabled: true });
      const root = await repositories.ogs.rootScope();
      await repositories.devices.touch(root, device.deviceId, this.deps.clock.now());
      if (response.status !== 'Idle') await this.recordAnswer(trx, repositories, device, response);
      const next = await repositories.mdmQueue.next(device.deviceId, response.status === 'Idle');
      return next?.body;
    });
  }

  private async recordAnswer(trx: Kysely<StoreSchema>, repositories: Repositories, device: MdmEnrollment, report: CommandReport) {
    const { mdmQueue } = repositories;
    const answered = await mdmQueue.recordAnswer(device.deviceId, report.commandUuid, ANSWER_STATUS[report.status], report.raw);
    // Not one of this device's open commands: nothing to record, and nothing of another device's is touched.
    if (answered === undefined || !isAcknowledged(report)) return;
    const root = await repositories.ogs.rootScope();
    try {
      await updateInventory({ repositories, db: trx, root, clock: this.deps.clock }, device, answered.requestType, report);
    } catch (error) {
      this.deps.log('unreadable command result', { deviceId: device.deviceId, requestType: answered.requestType, error: String(error) });
    }
    const verification = verificationFor(answered.requestType);
    if (verification !== undefined && !(await mdmQueue.hasPending(device.deviceId, verification.requestType))) {
      const commandId = await mdmQueue.addCommand(verification);
      await mdmQueue.fanOut(root, commandId, { kind: 'devices', deviceIds: [device.deviceId] });
    }
  }
}
