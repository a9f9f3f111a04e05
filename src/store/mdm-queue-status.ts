/**
 * Where a queued command stands for one device:
 * - `pending`: not offered yet; `sent`: handed to the device, no answer yet;
 * - `not_now`: the device could not run it (locked); offered again on its next connection;
 * - `acknowledged`, `error`, `format_error`: answered, kept until the retention policy prunes it.
 */
export type QueueStatus = 'pending' | 'sent' | 'not_now' | 'acknowledged' | 'error' | 'format_error';

/** Statuses still waiting for an answer. */
export const OPEN_STATUSES: readonly QueueStatus[] = ['pending', 'sent', 'not_now'];
/** Statuses of answered commands, which retention prunes. */
export const FINISHED_STATUSES: readonly QueueStatus[] = ['acknowledged', 'error', 'format_error'];

/**
 * Commands smaller than this come with the queue row that hands them out; larger ones (profiles,
 * tens of KiB) are remembered by the `CommandCache`, as a fan-out hands the same one to every device.
 */
export const INLINE_BODY_BYTES = 2_048;

/** The command a device gets next. */
export interface QueuedCommand {
  readonly commandId: number;
  readonly commandUuid: string;
  readonly requestType: string;
  readonly body: Uint8Array;
}
