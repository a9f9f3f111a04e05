import type { Profile, ProfileDetail, ProfileLineageEntry } from '../../../api/types';

/*
 * Which profiles "replace older versions" has work for. The server decides (its dry run says
 * exactly what would happen); these only choose where the console offers the action.
 */

/** Only a current profile replaces others: not one replaced itself, nor an expired one. */
export function mayReplaceOthers(profile: Pick<Profile, 'status'>): boolean {
  return profile.status === 'active';
}

/** The older versions of the profile's lineage that are not replaced yet, oldest first. */
export function olderVersionsToReplace(profile: ProfileDetail): ProfileLineageEntry[] {
  if (!mayReplaceOthers(profile)) return [];
  return profile.lineage.filter((version) => version.lineageVersion < profile.lineageVersion && version.status !== 'superseded');
}

/** A lineage: versions share their group, App ID and name. */
function lineageOf(profile: Profile): string {
  return JSON.stringify([profile.ogId, profile.applicationIdentifier, profile.name]);
}

/**
 * The profiles of one page of the list with an older version on that same page that is not
 * replaced yet. The list does not say how many older versions a profile has, so one on another
 * page is not seen; the profile's own page always shows its whole lineage.
 */
export function replaceableOnPage(profiles: readonly Profile[]): ReadonlySet<number> {
  const oldestOpen = new Map<string, number>();
  for (const profile of profiles) {
    if (profile.status === 'superseded') continue;
    const lineage = lineageOf(profile);
    oldestOpen.set(lineage, Math.min(profile.lineageVersion, oldestOpen.get(lineage) ?? Infinity));
  }
  const replaceable = new Set<number>();
  for (const profile of profiles) {
    const oldest = oldestOpen.get(lineageOf(profile));
    if (mayReplaceOthers(profile) && oldest !== undefined && oldest < profile.lineageVersion) replaceable.add(profile.id);
  }
  return replaceable;
}
