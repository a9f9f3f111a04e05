import type { Kysely } from 'kysely';
import type { Clock } from '../../services/auth/clock.js';
import type { Database } from '../../store/database.js';
import type { MdmEnrollment } from '../../store/mdm-enrollment.repository.js';
import type { QueueStatus } from '../../store/mdm-queue.repository.js';
import { CommandCache } from '../../store/command-cache.js';
import { GroupCommit } from '../../store/group-commit.js';
import { createRepositories, type Repositories } from '../../store/repositories.js';
import type { StoreSchema } from '../../store/schema.js';
import type { Scope } from '../../store/scope.js';
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

/**
 * A device's `last_seen_at` is written when it is at least this old, not on every message: a
 * device sends several messages a connection, and a write per message costs more than the rest
 * of an Idle. The console and the push sweep need no finer resolution.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Shared transactions open at once on PostgreSQL, each holding a pooled connection (the pool has
 * ten). A message is mostly waiting for round trips; with one lane, 600 devices got 405-554
 * commands/s, with two to eight 593-857 (bench runs one after another, noisy); four leaves the pool six.
 */
const POSTGRES_LANES = 4;

/** Logs what the device endpoint does not answer with (an unreadable result payload). */
export type ConnectLog = (message: string, details: Record<string, unknown>) => void;

/**
 * `PUT /mdm/connect`: records the device's answer to one of its commands, updates the
 * inventory from it, and hands out the device's next command.
 */
export class ConnectService {
  /** The root OG's scope never changes, so it is read once. */
  #root: Scope | undefined;
  readonly #commands = new CommandCache();
  /**
   * Messages from many devices arrive at once under load; each is all or nothing in its own
   * savepoint, and they share commits (see `GroupCommit`): a commit costs more than a message.
   */
  readonly #transactions: GroupCommit;

  constructor(
    private readonly deps: {
      readonly database: Pick<Database, 'kysely' | 'dialect'>;
      readonly clock: Clock;
      readonly log: ConnectLog;
    },
  ) {
    const lanes = deps.database.dialect === 'postgres' ? POSTGRES_LANES : 1;
    this.#transactions = new GroupCommit(deps.database.kysely, { dialect: deps.database.dialect, lanes });
  }

  /**
   * The next command's bytes for the device `identity` speaks for, or undefined when its queue
   * is empty. Throws a 403 `DeviceRequestError` for a message about another device.
   */
  async handle(response: CommandResponse, identity: DeviceIdentityCertificate): Promise<Uint8Array | undefined> {
    return this.#transactions.run((trx) => this.handleWith(trx, response, identity));
  }

  private async handleWith(db: Kysely<StoreSchema>, response: CommandResponse, identity: DeviceIdentityCertificate) {
    const repositories = createRepositories(db, () => this.deps.clock.now(), { commands: this.#commands });
    const device = await enrolledDevice(repositories, identity, response.udid, { requireEnabled: true });
    await this.noteSeen(repositories, device);
    if (response.status !== 'Idle') await this.recordAnswer(db, repositories, device, response);
    const next = await repositories.mdmQueue.next(device.deviceId, response.status === 'Idle');
    return next?.body;
  }

  private async noteSeen(repositories: Repositories, device: MdmEnrollment): Promise<void> {
    const now = this.deps.clock.now();
    if (now.getTime() - device.lastSeenAt.getTime() < LAST_SEEN_RESOLUTION_MS) return;
    await repositories.devices.touch(await this.rootScope(repositories), device.deviceId, now);
  }

  private async recordAnswer(trx: Kysely<StoreSchema>, repositories: Repositories, device: MdmEnrollment, report: CommandReport) {
    const { mdmQueue } = repositories;
    const answered = await mdmQueue.recordAnswer(device.deviceId, report.commandUuid, ANSWER_STATUS[report.status], report.raw);
    // Not one of this device's open commands: nothing to record, and nothing of another device's is touched.
    if (answered === undefined || !isAcknowledged(report)) return;
    const root = await this.rootScope(repositories);
    try {
      await updateInventory({ repositories, db: trx, root, clock: this.deps.clock }, device, answered.requestType, report);
    } catch (error) {
      this.deps.log('unreadable command result', { deviceId: device.deviceId, requestType: answered.requestType, error: String(error) });
    }
    const verification = verificationFor(answered.requestType);
    if (verification !== undefined) await mdmQueue.queueUnlessPending(device.deviceId, verification);
  }

  private async rootScope(repositories: Repositories): Promise<Scope> {
    this.#root ??= await repositories.ogs.rootScope();
    return this.#root;
  }
}
