import type { JsonObject } from '../../domain/model.js';
import type { Caller } from '../../services/auth/actor.js';
import type { AuditTrail } from '../../services/audit/audit-trail.js';
import type { Database } from '../../store/database.js';
import type { FanOutTarget } from '../../store/mdm-queue.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { BuiltCommand } from '../commands/index.js';
import type { PushDispatcher } from './push-dispatcher.js';

/** A command queued for its devices. */
export interface EnqueuedCommand {
  readonly commandUuid: string;
  readonly requestType: string;
  /** How many devices it was queued for. */
  readonly queued: number;
}

/**
 * What an admin's request is recorded as in the audit log. The entry's OG is the target
 * scope's; the commands queued and the devices they reached are added to its details.
 */
export interface AuditedRequest {
  readonly caller: Caller;
  /** `<object type>.<verb>`, e.g. `mdm_command.enqueue`. */
  readonly action: string;
  readonly objectType: string;
  /** The object the request is about; the first command's id when absent. */
  readonly objectId?: number;
}

type NonEmpty<T> = [T, ...T[]];
/** At least one command, in the order devices get them. */
type Commands = Readonly<NonEmpty<BuiltCommand>>;

interface Queued extends EnqueuedCommand {
  readonly commandId: number;
}

/**
 * Queues commands an admin asked for, for one device, a set, all devices of a scope, or every
 * device with an app installed, with an audit entry; then has the devices pushed in the background.
 */
export class CommandQueueService {
  constructor(
    private readonly deps: {
      readonly database: Pick<Database, 'transaction'>;
      readonly pushes: PushDispatcher;
      readonly audit: AuditTrail;
    },
  ) {}

  /** An admin's request for one command: queued as {@link enqueueAll} queues several. */
  async enqueue(scope: Scope, command: BuiltCommand, target: FanOutTarget, request: AuditedRequest): Promise<EnqueuedCommand> {
    const [queued] = await this.#queueAudited(scope, [command], target, request);
    return present(queued);
  }

  /**
   * An admin's request: stores `commands` and queues them, in order, for the devices of
   * `target` in `scope`, with the audit entry, all in one transaction. Throws a RangeError for
   * no commands.
   */
  async enqueueAll(scope: Scope, commands: readonly BuiltCommand[], target: FanOutTarget, request: AuditedRequest): Promise<EnqueuedCommand[]> {
    const [first, ...rest] = commands;
    if (first === undefined) throw new RangeError('a request queues at least one command');
    return (await this.#queueAudited(scope, [first, ...rest], target, request)).map(present);
  }

  async #queueAudited(scope: Scope, commands: Commands, target: FanOutTarget, request: AuditedRequest): Promise<NonEmpty<Queued>> {
    const queued = await this.deps.database.transaction(async (repositories) => {
      const done = await queueAll(repositories, scope, commands, target);
      await this.deps.audit.record(repositories, request.caller, {
        action: request.action,
        objectType: request.objectType,
        objectId: request.objectId ?? done[0].commandId,
        ogId: scope.ogId,
        details: auditDetails(done, target),
      });
      return done;
    });
    this.#push(queued);
    return queued;
  }

  /**
   * One push per device wakes it for every command of the request: it fetches them all in the
   * connection that follows. The commands went to the same devices, so the first one names them.
   */
  #push(queued: readonly Queued[]): void {
    const first = queued.find((command) => command.queued > 0);
    if (first !== undefined) this.deps.pushes.schedule(first.commandId);
  }
}

async function queueAll(repositories: Repositories, scope: Scope, commands: Commands, target: FanOutTarget): Promise<NonEmpty<Queued>> {
  const queueOne = async (command: BuiltCommand): Promise<Queued> => {
    const commandId = await repositories.mdmQueue.addCommand(command);
    const devices = await repositories.mdmQueue.fanOut(scope, commandId, target);
    return { commandId, commandUuid: command.commandUuid, requestType: command.requestType, queued: devices };
  };
  const [first, ...rest] = commands;
  const queued: NonEmpty<Queued> = [await queueOne(first)];
  // One after another: the queue's delivery order is the commands' id order.
  for (const command of rest) queued.push(await queueOne(command));
  return queued;
}

function present({ commandUuid, requestType, queued }: Queued): EnqueuedCommand {
  return { commandUuid, requestType, queued };
}

/** Which commands, for which target, reaching how many devices: never the command bytes (profiles are large). */
function auditDetails(queued: readonly Queued[], target: FanOutTarget): JsonObject {
  return {
    commands: queued.map(({ commandUuid, requestType, queued: devices }) => ({ commandUuid, requestType, devices })),
    devices: Math.max(0, ...queued.map((command) => command.queued)),
    target: describeTarget(target),
  };
}

function describeTarget(target: FanOutTarget): JsonObject {
  switch (target.kind) {
    case 'devices':
      // A list of a million ids does not belong in an audit row; the first few identify a small request.
      return { kind: 'devices', count: target.deviceIds.length, deviceIds: target.deviceIds.slice(0, 20) };
    case 'all':
      return { kind: 'all' };
    case 'app':
      return { kind: 'app', bundleId: target.bundleId };
    case 'bundles':
      return { kind: 'bundles', bundleIds: [...target.bundleIds] };
  }
}
