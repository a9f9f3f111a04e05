import { BoundedCache } from '../formats/x509/bounded-cache.js';
import { INLINE_BODY_BYTES, type QueuedCommand } from './mdm-queue-status.js';

/** Commands remembered; with profiles of tens of KiB, a few MiB at most. */
const CAPACITY = 256;

/**
 * The commands devices were last handed, remembered by id: a command is stored once and queued
 * for every device it goes to, and its bytes never change, so a fan-out to many devices reads a
 * large body (an InstallProvisioningProfile spans several database pages) once, not per device.
 * A hit must name the same UUID: an id can come back after a rolled-back insert, a UUID cannot.
 * One cache belongs to one database.
 */
export class CommandCache {
  readonly #commands = new BoundedCache<number, QueuedCommand>(CAPACITY);

  get(commandId: number, commandUuid: string): QueuedCommand | undefined {
    const command = this.#commands.get(commandId);
    return command?.commandUuid === commandUuid ? command : undefined;
  }

  remember(command: QueuedCommand): void {
    // Smaller ones come with the queue row that hands them out.
    if (command.body.length >= INLINE_BODY_BYTES) this.#commands.set(command.commandId, command);
  }
}
