import type { ExpiredProfilesCleanup, LineageReplacement, UnusedProfilesCleanup } from './cleanup-types';
import { apiPost } from './client';

/* The cleanup actions; `dryRun: true` only says what would happen. */

/** The profile replaces every older version of its lineage that is not replaced yet. */
export function replaceOlderVersions(profileId: number, dryRun: boolean): Promise<LineageReplacement> {
  return apiPost<LineageReplacement>(`/profiles/${profileId}/replace-older-versions`, { dryRun: String(dryRun) });
}

/** Deletes every profile of `og` and the groups below it that no app version uses. */
export function deleteUnusedProfiles(og: number, dryRun: boolean): Promise<UnusedProfilesCleanup> {
  return apiPost<UnusedProfilesCleanup>('/profiles/cleanup/unused', { og, dryRun: String(dryRun) });
}

/** Queues the removal of expired profiles from the devices of `og` (and below) that hold a valid successor. */
export function removeExpiredFromDevices(og: number, dryRun: boolean): Promise<ExpiredProfilesCleanup> {
  return apiPost<ExpiredProfilesCleanup>('/devices/cleanup/expired-profiles', { og, dryRun: String(dryRun) });
}
