import { z } from 'zod';
import { ROLLOUT_STATES } from '../../domain/rollout.js';
import { parseCommandResponse } from '../../mdm/protocol/index.js';
import type { RenewalProgress } from '../../services/lifecycle/rollout.service.js';
import type { RenewedProfile, RolloutDevice } from '../../store/renewal.repository.js';
import { timestampSchema } from '../schemas.js';

const renewedProfileSchema = z.object({
  id: z.number().int().nullable().describe('Null once a cleanup deleted the profile.'),
  uuid: z.string(),
  name: z.string(),
  expirationDate: timestampSchema,
});

export const rolloutSchema = z.object({
  total: z.number().int().describe('Devices with an affected app that were sent the new profile.'),
  pending: z.number().int(),
  waitingUnlock: z.number().int().describe('Answered NotNow (locked); offered again on their next connection.'),
  failed: z.number().int().describe('Answered Error; see the device list for the ErrorChain.'),
  installed: z.number().int().describe('Proven by a ProvisioningProfileList that shows the new UUID.'),
  oldRemoved: z.number().int().describe('Installed devices that no longer hold the old profile.'),
  percent: z.number().int().min(0).max(100),
  complete: z.boolean(),
});

export const renewalSchema = z
  .object({
    id: z.number().int(),
    ogId: z.number().int(),
    createdAt: timestampSchema,
    createdBy: z.string().nullable(),
    applyToAllApps: z.boolean(),
    oldProfile: renewedProfileSchema,
    newProfile: renewedProfileSchema,
    apps: z.array(z.object({ appId: z.number().int(), name: z.string(), ogId: z.number().int(), bundleIds: z.array(z.string()) })),
    rollout: rolloutSchema,
    completedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Renewal' });

export const rolloutStateSchema = z.enum(ROLLOUT_STATES as [string, ...string[]]);

export const renewalListQuery = z.object({
  og: z.coerce.number().int().positive().optional().describe('An OG in your scope; yours when absent.'),
  state: z.enum(['active', 'all']).default('all').describe('`active`: rollouts not complete yet.'),
});

export const rolloutDeviceSchema = z
  .object({
    deviceId: z.number().int(),
    udid: z.string(),
    name: z.string().nullable(),
    state: rolloutStateSchema,
    oldRemoved: z.boolean(),
    updatedAt: timestampSchema,
    errors: z.array(z.object({ code: z.number().int(), domain: z.string(), description: z.string().nullable() })),
  })
  .meta({ id: 'RolloutDevice' });

export function presentRenewal({ renewal, rollout }: RenewalProgress): z.output<typeof renewalSchema> {
  return {
    id: renewal.id,
    ogId: renewal.ogId,
    createdAt: renewal.createdAt.toISOString(),
    createdBy: renewal.createdByName ?? null,
    applyToAllApps: renewal.applyToAllApps,
    oldProfile: presentProfile(renewal.oldProfile),
    newProfile: presentProfile(renewal.newProfile),
    apps: renewal.apps.map((app) => ({ ...app, bundleIds: [...app.bundleIds] })),
    rollout: { ...rollout },
    completedAt: renewal.completedAt?.toISOString() ?? null,
  };
}

export function presentRolloutDevice(device: RolloutDevice): z.output<typeof rolloutDeviceSchema> {
  return {
    deviceId: device.deviceId,
    udid: device.udid,
    name: device.name ?? null,
    state: device.state,
    oldRemoved: device.oldRemoved,
    updatedAt: device.updatedAt.toISOString(),
    errors: device.state === 'failed' ? errorsOf(device.result) : [],
  };
}

function presentProfile(profile: RenewedProfile): z.output<typeof renewedProfileSchema> {
  return { id: profile.id ?? null, uuid: profile.uuid, name: profile.name, expirationDate: profile.expirationDate.toISOString() };
}

/** The ErrorChain of the device's answer; a stored answer that no longer parses shows none. */
function errorsOf(result: Uint8Array | undefined): z.output<typeof rolloutDeviceSchema>['errors'] {
  if (result === undefined) return [];
  try {
    const response = parseCommandResponse(result);
    if (response.status === 'Idle') return [];
    return response.errorChain.map((item) => ({
      code: item.errorCode,
      domain: item.errorDomain,
      description: item.usEnglishDescription ?? item.localizedDescription ?? null,
    }));
  } catch {
    return [];
  }
}
