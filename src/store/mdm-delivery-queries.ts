import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { PreparedQuery, type ArgumentOf } from './mdm-prepared.js';
import { INLINE_BODY_BYTES, OPEN_STATUSES, type QueueStatus } from './mdm-queue-status.js';
import type { MdmStoreSchema } from './mdm-schema.js';

/**
 * The queue statements of `PUT /mdm/connect`, prepared once (see `PreparedQuery`). Each finds the
 * device's rows by the queue's primary key, and a command by its id or its UUID index.
 */

/** Picks the first pending row of the device's key range and marks it `sent`. */
export const nextPendingQuery = new PreparedQuery((db, arg: ArgumentOf<{ deviceId: number; now: number }>) =>
  db
    .updateTable('mdm_queue')
    .set({ status: 'sent', updated_at: arg('now') })
    .where('device_id', '=', arg('deviceId'))
    // Tested again on the row itself: of two racing requests only one gets it.
    .where('status', '=', 'pending')
    .where('command_id', '=', (eb) =>
      eb
        .selectFrom('mdm_queue as open')
        .select('open.command_id')
        .where('open.device_id', '=', arg('deviceId'))
        .where('open.status', '=', 'pending')
        .orderBy('open.command_id')
        .limit(1),
    )
    .returning((eb) => ['command_id', ...handedOutCommand(eb)]),
);

/**
 * SQLite's way to the same: the first pending row's command (an index seek), then
 * `markSentQuery` on that one row. One UPDATE with a subquery and RETURNING costs SQLite several
 * times the two; PostgreSQL takes `nextPendingQuery`, as a round trip costs it more than either.
 */
export const firstPendingQuery = new PreparedQuery((db, arg: ArgumentOf<{ deviceId: number }>) =>
  db
    .selectFrom('mdm_queue')
    .select('command_id')
    .where('device_id', '=', arg('deviceId'))
    .where('status', '=', 'pending')
    .orderBy('command_id')
    .limit(1),
);

/** The ids and statuses of the device's open rows, in delivery order: what SQLite looks at when a device connects anew. */
export const openRowsQuery = new PreparedQuery((db, arg: ArgumentOf<{ deviceId: number }>) =>
  db
    .selectFrom('mdm_queue')
    .select(['command_id', 'status'])
    .where('device_id', '=', arg('deviceId'))
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('command_id'),
);

/** Marks the row `sent` if it is still pending (of two racing requests only one gets it), returning its command. */
export const markSentQuery = new PreparedQuery((db, arg: ArgumentOf<{ deviceId: number; commandId: number; now: number }>) =>
  db
    .updateTable('mdm_queue')
    .set({ status: 'sent', updated_at: arg('now') })
    .where('device_id', '=', arg('deviceId'))
    .where('command_id', '=', arg('commandId'))
    .where('status', '=', 'pending')
    .returning((eb) => ['command_id', ...handedOutCommand(eb)]),
);

/** A command's type and bytes, by id (when the device's next command is not remembered). */
export const commandByIdQuery = new PreparedQuery((db, arg: ArgumentOf<{ commandId: number }>) =>
  db.selectFrom('mdm_commands').select(['command_uuid', 'request_type', 'body']).where('id', '=', arg('commandId')),
);

/**
 * A new connection makes what the device declined (NotNow) or left unanswered before pending
 * again. Its last change stays as it was: nothing happened to the command itself.
 */
export const reopenQuery = new PreparedQuery((db, arg: ArgumentOf<{ deviceId: number }>) =>
  db
    .updateTable('mdm_queue')
    .set({ status: 'pending' })
    .where('device_id', '=', arg('deviceId'))
    .where('status', 'in', OPEN_STATUSES.filter((status) => status !== 'pending')),
);

/**
 * PostgreSQL's Idle in one round trip: what the device declined or left unanswered becomes
 * pending again (its last change kept, as `reopenQuery`), and the first open row is marked
 * `sent`. Returns the rows it changed; the `sent` one, if any, is the command to hand out.
 * Unlike `nextPendingQuery` it may hand the same first command to two connections the same
 * device opens at once (iOS opens one at a time): a second answer then finds no open row and is
 * ignored.
 */
export const reopenAndTakeQuery = new PreparedQuery((db, arg: ArgumentOf<{ deviceId: number; now: number }>) =>
  db
    .updateTable('mdm_queue')
    .from(
      db
        .selectFrom('mdm_queue as open')
        .select((eb) => eb.fn.min('open.command_id').as('first_id'))
        .where('open.device_id', '=', arg('deviceId'))
        .where('open.status', 'in', OPEN_STATUSES)
        .as('first'),
    )
    .set((eb) => {
      const isFirst = eb('mdm_queue.command_id', '=', eb.ref('first.first_id'));
      return {
        status: eb.case().when(isFirst).then('sent').else('pending').end(),
        updated_at: eb.case().when(isFirst).then(arg('now')).else(eb.ref('mdm_queue.updated_at')).end(),
      };
    })
    .where('mdm_queue.device_id', '=', arg('deviceId'))
    .where('mdm_queue.status', 'in', OPEN_STATUSES)
    .where((eb) => eb.or([eb('mdm_queue.status', '!=', 'pending'), eb('mdm_queue.command_id', '=', eb.ref('first.first_id'))]))
    .returning((eb) => ['mdm_queue.command_id', 'mdm_queue.status', ...handedOutCommand(eb)]),
);

/** Stores the answer on the device's open row of the command with this UUID. */
export const recordAnswerQuery = new PreparedQuery(
  (db, arg: ArgumentOf<{ deviceId: number; commandUuid: string; status: QueueStatus; now: number; result: Buffer }>) =>
    db
      .updateTable('mdm_queue')
      .set({ status: arg('status'), updated_at: arg('now'), result: arg('result') })
      .where('device_id', '=', arg('deviceId'))
      .where('status', 'in', [...OPEN_STATUSES])
      .where('command_id', '=', (eb) => eb.selectFrom('mdm_commands').select('id').where('command_uuid', '=', arg('commandUuid')))
      .returning((eb) => ['command_id', commandColumn(eb, 'request_type')]),
);

/** Stores a command (a connect request's follow-up, or any other). */
export const addCommandQuery = new PreparedQuery(
  (db, arg: ArgumentOf<{ commandUuid: string; requestType: string; body: Buffer; now: number }>) =>
    db
      .insertInto('mdm_commands')
      .values({ command_uuid: arg('commandUuid'), request_type: arg('requestType'), body: arg('body'), created_at: arg('now') })
      .returning('id'),
);

/** Queues a command for the one device a connect request came from. */
export const queueForDeviceQuery = new PreparedQuery((db, arg: ArgumentOf<{ deviceId: number; commandId: number; now: number }>) =>
  db.insertInto('mdm_queue').values({ device_id: arg('deviceId'), command_id: arg('commandId'), status: 'pending', updated_at: arg('now') }),
);

/** What storing a follow-up command for one device takes. */
type FollowUpArguments = { deviceId: number; commandUuid: string; requestType: string; body: Buffer; now: number };

/**
 * Stores the command unless the device already has one of its RequestType pending; returns the
 * new command's id, or no row. SQLite then queues it with `queueForDeviceQuery`.
 */
export const addUnlessPendingQuery = new PreparedQuery((db, arg: ArgumentOf<FollowUpArguments>) =>
  db
    .insertInto('mdm_commands')
    .columns(['command_uuid', 'request_type', 'body', 'created_at'])
    .expression(unlessPending(db, arg))
    .returning('id'),
);

/**
 * PostgreSQL's way to the same, queue row included, in one round trip: the new command's id
 * flows from the first insert to the second.
 */
export const queueUnlessPendingQuery = new PreparedQuery((db, arg: ArgumentOf<FollowUpArguments>) =>
  db
    .with('added', (cte) =>
      cte.insertInto('mdm_commands').columns(['command_uuid', 'request_type', 'body', 'created_at']).expression(unlessPending(db, arg)).returning('id'),
    )
    .insertInto('mdm_queue')
    .columns(['device_id', 'command_id', 'status', 'updated_at'])
    .expression((eb) =>
      eb
        .selectFrom('added')
        .select([
          sql<number>`cast(${arg('deviceId')} as bigint)`.as('device_id'),
          'added.id',
          sql.lit('pending').as('status'),
          sql<number>`cast(${arg('now')} as bigint)`.as('updated_at'),
        ]),
    )
    .returning('command_id'),
);

/** The new command's columns, as one row when the device has none of its type pending, else none. */
function unlessPending(db: Kysely<MdmStoreSchema>, arg: ArgumentOf<FollowUpArguments>) {
  return db
    .selectNoFrom([
      // Cast so PostgreSQL knows the types of parameters in a select list.
      sql<string>`cast(${arg('commandUuid')} as text)`.as('command_uuid'),
      sql<string>`cast(${arg('requestType')} as text)`.as('request_type'),
      sql<Buffer>`${arg('body')}`.as('body'),
      sql<number>`cast(${arg('now')} as bigint)`.as('created_at'),
    ])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mdm_queue as q')
            .select('q.command_id')
            .where('q.device_id', '=', arg('deviceId'))
            .where('q.status', '=', 'pending')
            .where((inner) => pendingOfType(inner, arg('requestType'))),
        ),
      ),
    );
}

/**
 * The queue row's command is of this RequestType. A subquery, not a join: a join lets SQLite
 * walk every command of the type (one per device's follow-up) instead of this device's few rows.
 */
function pendingOfType(eb: ExpressionBuilder<MdmStoreSchema & { q: MdmStoreSchema['mdm_queue'] }, 'q'>, requestType: string) {
  return eb.exists(
    eb.selectFrom('mdm_commands as c').select('c.id').whereRef('c.id', '=', 'q.command_id').where('c.request_type', '=', requestType),
  );
}

/**
 * What a query that hands out a command returns of it: its UUID, its type, and its body when it
 * is smaller than `INLINE_BODY_BYTES`, so most commands need no second statement (on PostgreSQL a
 * second round trip). Larger bodies come from the `CommandCache` or are read on their own.
 */
function handedOutCommand(eb: ExpressionBuilder<MdmStoreSchema, 'mdm_queue'>) {
  const body = eb
    .selectFrom('mdm_commands as c')
    .select(sql<Buffer | null>`case when length(c.body) < ${sql.lit(INLINE_BODY_BYTES)} then c.body end`.as('body'))
    .whereRef('c.id', '=', 'mdm_queue.command_id')
    .$asScalar()
    .as('inline_body');
  return [commandColumn(eb, 'command_uuid'), commandColumn(eb, 'request_type'), body] as const;
}

/**
 * One of the command's own columns, read next to the queue row the statement changed; never its
 * body, which spans several pages and which a device's answer does not need.
 */
function commandColumn<C extends 'command_uuid' | 'request_type'>(eb: ExpressionBuilder<MdmStoreSchema, 'mdm_queue'>, name: C) {
  return eb.selectFrom('mdm_commands as c').select(`c.${name}`).whereRef('c.id', '=', 'mdm_queue.command_id').$asScalar().as(name);
}

/** A command read by a queue row's id: pruning only deletes commands no queue row names, so it is always there. */
export function present<T>(value: T | null | undefined, commandId: number): T {
  if (value === null || value === undefined) throw new Error(`queue row names command ${commandId}, which does not exist`);
  return value;
}
