import { z } from 'zod';
import type { Profile } from '../../domain/model.js';
import type { ExpiredProfilesCleanup, UnusedProfilesCleanup } from '../../services/lifecycle/cleanup.service.js';
import type { LineageReplacement } from '../../services/lifecycle/cleanup-lineage.service.js';
import { idSchema } from '../schemas.js';
import { presentRenewalPlan, renewalPlanSchema } from './lifecycle.dto.js';

const dryRun = z.enum(['true', 'false']).default('false').transform((value) => value === 'true').describe('`true`: only say what would happen; nothing changes.');

export const cleanupQuery = z.object({
  og: idSchema.optional().describe('Only this group and the groups below it (default: your whole scope).'),
  dryRun,
});

export const replaceOlderQuery = z.object({ dryRun });

const profileSummarySchema = z.object({
  id: z.number().int(),
  uuid: z.string(),
  name: z.string(),
  ogId: z.number().int(),
  lineageVersion: z.number().int(),
  status: z.string(),
  expirationDate: z.string(),
});

export const unusedProfilesSchema = z.object({
  dryRun: z.boolean(),
  profiles: z.array(profileSummarySchema).describe('The profiles deleted (or, in a dry run, that would be).'),
});

export const expiredProfilesSchema = z.object({
  dryRun: z.boolean(),
  removals: z.array(
    z.object({
      profileId: z.number().int(),
      uuid: z.string(),
      name: z.string(),
      ogId: z.number().int(),
      devices: z.number().int().describe('Devices RemoveProvisioningProfile was (or would be) queued for.'),
    }),
  ),
  devices: z.number().int().describe('Removals queued in all.'),
});

export const lineageReplacementSchema = z.object({
  dryRun: z.boolean(),
  profile: profileSummarySchema.describe('The profile that replaces the older versions.'),
  replaced: z.array(
    z.object({
      profile: profileSummarySchema,
      plan: renewalPlanSchema.describe('The renewal of this older version by the profile.'),
      renewalId: z.number().int().nullable().describe('The renewal rolling the profile out to its devices; null in a dry run or when no app used it.'),
    }),
  ),
});

function presentProfile(profile: Profile): z.output<typeof profileSummarySchema> {
  const { id, uuid, name, ogId, lineageVersion, status } = profile;
  return { id, uuid, name, ogId, lineageVersion, status, expirationDate: profile.expirationDate.toISOString() };
}

export function presentUnused(result: UnusedProfilesCleanup): z.output<typeof unusedProfilesSchema> {
  return { dryRun: result.dryRun, profiles: result.profiles.map(presentProfile) };
}

export function presentExpiredRemovals(result: ExpiredProfilesCleanup): z.output<typeof expiredProfilesSchema> {
  const removals = result.removals.map(({ deviceIds, ...removal }) => ({ ...removal, devices: deviceIds.length }));
  return { dryRun: result.dryRun, removals, devices: removals.reduce((sum, removal) => sum + removal.devices, 0) };
}

export function presentLineageReplacement(result: LineageReplacement): z.output<typeof lineageReplacementSchema> {
  return {
    dryRun: result.dryRun,
    profile: presentProfile(result.profile),
    replaced: result.replaced.map((version) => ({ profile: presentProfile(version.profile), plan: presentRenewalPlan(version.plan), renewalId: version.renewalId })),
  };
}
