import { z } from 'zod';
import type { EnqueuedCommand } from '../../mdm/server/command.service.js';
import type { QueueEntry } from '../../store/mdm-queue.repository.js';
import type { FanOutTarget } from '../../store/mdm-queue.repository.js';
import { bodyIdSchema, pageQueryShape, timestampSchema } from '../schemas.js';

const identifiers = z.array(z.string().min(1).max(255)).max(1000).optional();

/** A command by RequestType; installs name stored objects, never bytes. */
export const commandRequestSchema = z
  .discriminatedUnion('requestType', [
    z.object({ requestType: z.literal('ProvisioningProfileList'), managedOnly: z.boolean().optional() }),
    z.object({ requestType: z.literal('InstalledApplicationList'), identifiers, managedAppsOnly: z.boolean().optional() }),
    z.object({ requestType: z.literal('ManagedApplicationList'), identifiers }),
    z.object({ requestType: z.literal('DeviceInformation'), queries: z.array(z.string().min(1).max(100)).max(100).optional() }),
    z.object({ requestType: z.literal('RemoveProvisioningProfile'), uuid: z.string().min(1).max(100) }),
    z.object({ requestType: z.literal('InstallProvisioningProfile'), profileId: bodyIdSchema }),
  ])
  .meta({ id: 'CommandRequest' });

/** Which devices: a list of ids, every device of an OG (and below), or every device with an app. */
export const targetSchema = z
  .union([
    z.object({ deviceIds: z.array(bodyIdSchema).min(1).max(1_000_000) }).strict(),
    z.object({ ogId: bodyIdSchema }).strict(),
    z.object({ installedBundleId: z.string().min(1).max(255) }).strict(),
  ])
  .meta({ id: 'CommandTarget' });

export const fanOutBody = z.object({ command: commandRequestSchema, target: targetSchema });
export const installBody = z.object({ target: targetSchema });

export const enqueuedSchema = z
  .object({
    commandUuid: z.string(),
    requestType: z.string(),
    queued: z.number().int().describe('How many devices the command was queued for.'),
  })
  .meta({ id: 'EnqueuedCommand' });

export const queueEntrySchema = z
  .object({
    commandUuid: z.string(),
    requestType: z.string(),
    status: z.enum(['pending', 'sent', 'not_now', 'acknowledged', 'error', 'format_error']),
    queuedAt: timestampSchema,
    updatedAt: timestampSchema,
    result: z.string().nullable().describe("The device's response plist (XML as sent, or base64 of a binary one)."),
  })
  .meta({ id: 'QueueEntry' });

export const historyQuery = z.object({ ...pageQueryShape });

export function presentEnqueued(command: EnqueuedCommand): z.output<typeof enqueuedSchema> {
  return { commandUuid: command.commandUuid, requestType: command.requestType, queued: command.queued };
}

export function presentQueueEntry(entry: QueueEntry): z.output<typeof queueEntrySchema> {
  return {
    commandUuid: entry.commandUuid,
    requestType: entry.requestType,
    status: entry.status,
    queuedAt: entry.queuedAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    result: entry.result === undefined ? null : presentPlist(entry.result),
  };
}

function presentPlist(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  return buffer.subarray(0, 6).toString('latin1') === 'bplist' ? buffer.toString('base64') : buffer.toString('utf8');
}

/** The API's target as the queue's; an OG target is resolved to a scope by the caller. */
export function fanOutTargetOf(target: z.output<typeof targetSchema>): FanOutTarget {
  if ('deviceIds' in target) return { kind: 'devices', deviceIds: target.deviceIds };
  if ('installedBundleId' in target) return { kind: 'app', bundleId: target.installedBundleId };
  return { kind: 'all' };
}
