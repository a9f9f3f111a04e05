import { createHash, randomBytes } from 'node:crypto';
import { buildCommand } from '../../src/mdm/commands/index.js';
import type { Clock } from '../../src/services/auth/clock.js';
import type { Database } from '../../src/store/database.js';
import type { QueueStatus } from '../../src/store/mdm-queue.repository.js';
import { withMdmTables } from '../../src/store/mdm-sql.js';
import { createOg, unique } from '../http/fixtures.js';
import { TOPIC } from './harness.js';

/** A clock that stands still until a test sets it: for the store (`() => Date`) and for services (`now()`). */
export class ManualClock implements Clock {
  #now: Date;

  constructor(start: Date) {
    this.#now = start;
  }

  now(): Date {
    return this.#now;
  }

  set(at: Date): void {
    this.#now = at;
  }

  /** Moves the clock on and returns the new time. */
  advance(ms: number): Date {
    this.#now = new Date(this.#now.getTime() + ms);
    return this.#now;
  }

  /** The store's kind of clock, reading this one. */
  readonly store = (): Date => this.#now;
}

/** An enrolled device made straight in the store, and how to push it. */
export interface StoredDevice {
  readonly id: number;
  readonly udid: string;
  readonly token: string;
}

export interface StoredCommand {
  readonly id: number;
  readonly uuid: string;
}

/**
 * MDM rows made through the repositories, as the device endpoints would make them, at the
 * times a {@link ManualClock} says: for tests of the jobs, which read nothing else.
 */
export class MdmStoreWorld {
  constructor(
    private readonly database: () => Database,
    private readonly clock: ManualClock,
  ) {}

  /** A fresh OG for one test's devices. */
  async og(): Promise<number> {
    return (await createOg(this.database())).id;
  }

  /** Authenticate and TokenUpdate, seen now. */
  async enroll(ogId: number): Promise<StoredDevice> {
    const { ogs, devices, mdmEnrollments } = this.database().repositories;
    const udid = unique('UDID');
    const device = await devices.upsert(await ogs.rootScope(), { udid, ogId, seenAt: this.clock.now() });
    if (device === undefined) throw new Error(`OG ${ogId} does not exist`);
    const token = randomBytes(32).toString('hex');
    await mdmEnrollments.bind(device.id, createHash('sha256').update(udid).digest('hex'), TOPIC);
    await mdmEnrollments.updatePush(device.id, { token, pushMagic: `magic-${udid}`, topic: TOPIC });
    return { id: device.id, udid, token };
  }

  /** Queues a new command for `devices` now. */
  async queue(devices: readonly StoredDevice[]): Promise<StoredCommand> {
    const { ogs, mdmQueue } = this.database().repositories;
    const command = buildCommand('ProvisioningProfileList', {});
    const id = await mdmQueue.addCommand(command);
    await mdmQueue.fanOut(await ogs.rootScope(), id, { kind: 'devices', deviceIds: devices.map((device) => device.id) });
    return { id, uuid: command.commandUuid };
  }

  /** The device connects now (Idle) and takes its next command, as `PUT /mdm/connect` does. */
  async checkIn(device: StoredDevice): Promise<string | undefined> {
    const { ogs, devices, mdmQueue } = this.database().repositories;
    await devices.touch(await ogs.rootScope(), device.id, this.clock.now());
    return (await mdmQueue.next(device.id, true))?.commandUuid;
  }

  /** The device connects now and answers `command` with `status`. */
  async answer(device: StoredDevice, command: StoredCommand, status: Exclude<QueueStatus, 'pending' | 'sent'>): Promise<void> {
    const { ogs, devices, mdmQueue } = this.database().repositories;
    await devices.touch(await ogs.rootScope(), device.id, this.clock.now());
    const answered = await mdmQueue.recordAnswer(device.id, command.uuid, status, new TextEncoder().encode('<plist/>'));
    if (answered === undefined) throw new Error(`${command.uuid} is not open for ${device.udid}`);
  }

  /** Deletes every queue row, so that a job sees only what the test queues next. */
  async emptyQueue(): Promise<void> {
    await withMdmTables(this.database().kysely).deleteFrom('mdm_queue').execute();
  }

  /** The queue rows of a device as (command id, status), by command id. */
  async queueOf(device: StoredDevice): Promise<[number, string][]> {
    const rows = await withMdmTables(this.database().kysely)
      .selectFrom('mdm_queue')
      .select(['command_id', 'status'])
      .where('device_id', '=', device.id)
      .orderBy('command_id')
      .execute();
    return rows.map((row) => [row.command_id, row.status]);
  }

  /** Which of these commands are still stored. */
  async storedCommands(commandIds: readonly number[]): Promise<number[]> {
    const rows = await withMdmTables(this.database().kysely).selectFrom('mdm_commands').select('id').where('id', 'in', [...commandIds]).orderBy('id').execute();
    return rows.map((row) => row.id);
  }
}
