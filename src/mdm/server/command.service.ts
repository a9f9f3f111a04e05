import type { Database } from '../../store/database.js';
import type { FanOutTarget } from '../../store/mdm-queue.repository.js';
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
 * Queues commands for one device, a set, all devices of a scope, or every device with an app
 * installed, then has the devices pushed in the background.
 */
export class CommandQueueService {
  constructor(private readonly deps: { readonly database: Pick<Database, 'transaction'>; readonly pushes: PushDispatcher }) {}

  /** Stores `command` and queues it for the devices of `target` in `scope`, in one transaction. */
  async enqueue(scope: Scope, command: BuiltCommand, target: FanOutTarget): Promise<EnqueuedCommand> {
    const { commandId, queued } = await this.deps.database.transaction(async ({ mdmQueue }) => {
      const id = await mdmQueue.addCommand(command);
      return { commandId: id, queued: await mdmQueue.fanOut(scope, id, target) };
    });
    if (queued > 0) this.deps.pushes.schedule(commandId);
    return { commandUuid: command.commandUuid, requestType: command.requestType, queued };
  }
}
