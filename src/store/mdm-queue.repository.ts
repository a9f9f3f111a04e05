import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { CommandCache } from './command-cache.js';
import {
  addCommandQuery,
  addUnlessPendingQuery,
  commandByIdQuery,
  firstPendingQuery,
  markSentQuery,
  nextPendingQuery,
  openRowsQuery,
  present,
  queueForDeviceQuery,
  queueUnlessPendingQuery,
  recordAnswerQuery,
  reopenAndTakeQuery,
  reopenQuery,
} from './mdm-delivery-queries.js';
import { FINISHED_STATUSES, type QueuedCommand, type QueueStatus } from './mdm-queue-status.js';
import type { MdmStoreSchema } from './mdm-schema.js';
import { idIn, isPostgres, toBytes, withMdmTables } from './mdm-sql.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import type { StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { affectedRows } from './sql-filters.js';

export { FINISHED_STATUSES, OPEN_STATUSES } from './mdm-queue-status.js';
export type { QueuedCommand, QueueStatus } from './mdm-queue-status.js';

/** A command to store: its plist bytes are kept verbatim and sent as they are. */
export interface NewCommand {
  readonly commandUuid: string;
  readonly requestType: string;
  readonly bytes: Uint8Array;
}

/** The command a device answered, as far as acting on the answer needs it. */
export interface AnsweredCommand {
  readonly commandId: number;
  readonly requestType: string;
}

/** Which enrolled (and not checked-out) devices in scope a command goes to. */
export type FanOutTarget =
  | { readonly kind: 'devices'; readonly deviceIds: readonly number[] }
  | { readonly kind: 'all' }
  | { readonly kind: 'app'; readonly bundleId: string }
  /** Devices with any of these bundle ids installed (a renewal's apps). */
  | { readonly kind: 'bundles'; readonly bundleIds: readonly string[] };

/** A queue row as the admin API shows it. */
export interface QueueEntry {
  readonly commandId: number;
  readonly commandUuid: string;
  readonly requestType: string;
  readonly status: QueueStatus;
  readonly queuedAt: Date;
  readonly updatedAt: Date;
  /** The device's response body as sent, once it answered. */
  readonly result: Uint8Array | undefined;
}

/** A queue row just marked `sent`, with its command's UUID, type and, when small, body. */
type TakenRow = {
  readonly command_id: number;
  readonly command_uuid: string | null;
  readonly request_type: string | null;
  /** The body when it is small (see `INLINE_BODY_BYTES`); null when it must be read or remembered. */
  readonly inline_body: Uint8Array | null;
};

/** What pruning removed. */
export interface PruneResult {
  readonly queueRows: number;
  readonly commands: number;
}

const HISTORY_ORDER: SortOrder = {
  name: 'queue',
  column: 'mdm_queue.command_id',
  idColumn: 'mdm_queue.command_id',
  direction: 'desc',
};

/**
 * MDM commands and the per-device queue. The queue is keyed (device_id, command_id): a fan-out
 * is one INSERT ... SELECT, and a device's next command is the first open row of its key range.
 */
export class MdmQueueRepository {
  private readonly db: Kysely<MdmStoreSchema>;

  constructor(
    db: Kysely<StoreSchema>,
    private readonly clock: Clock = systemClock,
    /** Where the commands handed out are remembered; without one, each is read from the database. */
    private readonly commands?: CommandCache,
  ) {
    this.db = withMdmTables(db);
  }

  /** Stores a command; returns its id. */
  async addCommand(command: NewCommand): Promise<number> {
    const row = await addCommandQuery.executeTakeFirst(this.db, {
      commandUuid: command.commandUuid,
      requestType: command.requestType,
      body: toBytes(command.bytes),
      now: this.clock().getTime(),
    });
    if (row === undefined) throw new Error('storing the command returned no id');
    return row.id;
  }

  /**
   * Queues a stored command for one device the caller knows is enrolled, because the request it
   * answers came from it (the follow-ups of a connect request): no fan-out, scope or enrollment
   * lookup. The device must not have this command queued yet.
   */
  async queueForDevice(deviceId: number, commandId: number): Promise<void> {
    await queueForDeviceQuery.execute(this.db, { deviceId, commandId, now: this.clock().getTime() });
  }

  /**
   * Stores `command` and queues it for one device the caller knows is enrolled (as
   * `queueForDevice`), unless the device already has a command of its RequestType pending: a
   * follow-up list asked for twice would only be answered twice. True when it was queued.
   */
  async queueUnlessPending(deviceId: number, command: NewCommand): Promise<boolean> {
    const now = this.clock().getTime();
    const args = { deviceId, commandUuid: command.commandUuid, requestType: command.requestType, body: toBytes(command.bytes), now };
    if (isPostgres(this.db)) return (await queueUnlessPendingQuery.executeTakeFirst(this.db, args)) !== undefined;
    const added = await addUnlessPendingQuery.executeTakeFirst(this.db, args);
    if (added === undefined) return false;
    await queueForDeviceQuery.execute(this.db, { deviceId, commandId: added.id, now });
    return true;
  }

  /**
   * Queues a stored command for every target device, in one INSERT ... SELECT whatever their
   * number. Call it once per command: a device enrolls once, so no row can repeat (and ON
   * CONFLICT would make PostgreSQL's insert per row twice as slow). Devices outside the scope, unknown, or checked out are skipped. Returns how many
   * rows were queued.
   */
  async fanOut(scope: Scope, commandId: number, target: FanOutTarget): Promise<number> {
    const now = this.clock().getTime();
    let targets = this.db
      .selectFrom('mdm_enrollments as e')
      .innerJoin('devices as d', 'd.id', 'e.device_id')
      .select([
        'e.device_id',
        // Bound, not inlined, so the statement's text (and its prepared plan) is the same every
        // time; cast so PostgreSQL knows their types in a select list.
        sql<number>`cast(${commandId} as bigint)`.as('command_id'),
        sql.lit('pending').as('status'),
        sql<number>`cast(${now} as bigint)`.as('updated_at'),
      ])
      .where('e.enabled', '=', 1)
      .where(inScope(scope, 'd.og_id'));
    if (target.kind === 'devices') targets = targets.where(idIn(this.db, 'e.device_id', target.deviceIds));
    if (target.kind === 'app') {
      targets = targets.where('e.device_id', 'in', (eb) =>
        eb.selectFrom('installations').select('device_id').where('bundle_id', '=', target.bundleId),
      );
    }
    if (target.kind === 'bundles') {
      if (target.bundleIds.length === 0) return 0;
      targets = targets.where('e.device_id', 'in', (eb) =>
        eb.selectFrom('installations').select('device_id').distinct().where('bundle_id', 'in', [...target.bundleIds]),
      );
    }
    const result = await this.db
      .insertInto('mdm_queue')
      .columns(['device_id', 'command_id', 'status', 'updated_at'])
      .expression(targets)
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  }

  /**
   * The device's next command, marked `sent`. A device opens every connection with Idle, so on
   * a `newConnection` what it answered NotNow to (or never answered) becomes pending again; then,
   * and within a connection, only pending commands are offered: one it declines is not offered
   * again until it connects anew.
   */
  async next(deviceId: number, newConnection: boolean): Promise<QueuedCommand | undefined> {
    const now = this.clock().getTime();
    const row = newConnection ? await this.reopenAndTake(deviceId, now) : await this.takeNextPending(deviceId, now);
    if (row === undefined) return undefined;
    const commandUuid = present(row.command_uuid, row.command_id);
    if (row.inline_body != null && row.request_type != null) {
      return { commandId: row.command_id, commandUuid, requestType: row.request_type, body: new Uint8Array(row.inline_body) };
    }
    return this.commands?.get(row.command_id, commandUuid) ?? (await this.readCommand(row.command_id));
  }

  /** A new connection's first command; PostgreSQL reopens and takes in one statement. */
  private async reopenAndTake(deviceId: number, now: number): Promise<TakenRow | undefined> {
    if (isPostgres(this.db)) {
      const changed = await reopenAndTakeQuery.execute(this.db, { deviceId, now });
      return changed.find((row) => row.status === 'sent');
    }
    const open = await openRowsQuery.execute(this.db, { deviceId });
    const first = open[0];
    if (first === undefined) return undefined;
    if (open.some((row) => row.status !== 'pending')) {
      await reopenQuery.execute(this.db, { deviceId });
      return this.takeNextPending(deviceId, now);
    }
    // Usually nothing was left sent or declined: the first open row, read anyway, is the one to take.
    const taken = await markSentQuery.executeTakeFirst(this.db, { deviceId, commandId: first.command_id, now });
    return taken ?? this.takeNextPending(deviceId, now);
  }

  /** The device's first pending row, marked `sent`; see `firstPendingQuery` for the two ways. */
  private async takeNextPending(deviceId: number, now: number): Promise<TakenRow | undefined> {
    if (isPostgres(this.db)) return nextPendingQuery.executeTakeFirst(this.db, { deviceId, now });
    for (;;) {
      const first = await firstPendingQuery.executeTakeFirst(this.db, { deviceId });
      if (first === undefined) return undefined;
      // Another request of the same device took it in between: look again.
      const taken = await markSentQuery.executeTakeFirst(this.db, { deviceId, commandId: first.command_id, now });
      if (taken !== undefined) return taken;
    }
  }

  private async readCommand(commandId: number): Promise<QueuedCommand> {
    const row = present(await commandByIdQuery.executeTakeFirst(this.db, { commandId }), commandId);
    const command = { commandId, commandUuid: row.command_uuid, requestType: row.request_type, body: new Uint8Array(row.body) };
    this.commands?.remember(command);
    return command;
  }

  /**
   * Records the device's answer to one of ITS commands. Undefined (and nothing written) when the
   * device has no open command with this UUID: another device's command is never touched.
   */
  async recordAnswer(
    deviceId: number,
    commandUuid: string,
    status: Exclude<QueueStatus, 'pending' | 'sent'>,
    response: Uint8Array,
  ): Promise<AnsweredCommand | undefined> {
    const now = this.clock().getTime();
    const row = await recordAnswerQuery.executeTakeFirst(this.db, { deviceId, commandUuid, status, now, result: toBytes(response) });
    return row === undefined ? undefined : { commandId: row.command_id, requestType: present(row.request_type, row.command_id) };
  }

  /** The device's queue and history, newest command first; an empty page for a device not in scope. */
  async history(scope: Scope, deviceId: number, page: PageRequest = {}): Promise<Page<QueueEntry>> {
    const query = this.db
      .selectFrom('mdm_queue')
      .innerJoin('mdm_commands as c', 'c.id', 'mdm_queue.command_id')
      .select([
        'mdm_queue.command_id',
        'mdm_queue.status',
        'mdm_queue.updated_at',
        'mdm_queue.result',
        'c.command_uuid',
        'c.request_type',
        'c.created_at',
      ])
      .where('mdm_queue.device_id', '=', deviceId)
      .where('mdm_queue.device_id', 'in', (eb) => eb.selectFrom('devices').select('id').where(inScope(scope, 'devices.og_id')));
    const rows = await paginate(query, HISTORY_ORDER, page).execute();
    return toPage(rows, HISTORY_ORDER, page, (row) => [row.command_id, row.command_id], (row) => ({
      commandId: row.command_id,
      commandUuid: row.command_uuid,
      requestType: row.request_type,
      status: row.status as QueueStatus,
      queuedAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      result: row.result === null ? undefined : new Uint8Array(row.result),
    }));
  }

  /** Removes every queue row of a device (CheckOut); returns how many. */
  async clearDevice(deviceId: number): Promise<number> {
    return affectedRows(await this.db.deleteFrom('mdm_queue').where('device_id', '=', deviceId).executeTakeFirst());
  }

  /**
   * Retention: deletes answered rows last changed before `finishedBefore`, then commands created
   * before it that no queue row names any more.
   */
  async prune(finishedBefore: Date): Promise<PruneResult> {
    const cutoff = finishedBefore.getTime();
    const queueRows = await this.db
      .deleteFrom('mdm_queue')
      .where('status', 'in', [...FINISHED_STATUSES])
      .where('updated_at', '<', cutoff)
      // A rollout in progress reads its devices' rows of the install command: they stay until it completes.
      .where(sql<boolean>`command_id not in (select install_command_id from renewals where completed_at is null)`)
      .executeTakeFirst();
    const commands = await this.db
      .deleteFrom('mdm_commands')
      .where('created_at', '<', cutoff)
      .where((eb) => eb.not(eb('id', 'in', eb.selectFrom('mdm_queue').select('command_id').distinct())))
      // A renewal's removal is queued lazily, for any device that later proves the new profile.
      .where(sql<boolean>`id not in (select remove_command_id from renewals)`)
      .executeTakeFirst();
    return { queueRows: affectedRows(queueRows), commands: affectedRows(commands) };
  }
}
