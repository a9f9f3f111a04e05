import type { RenewalPlan } from './lifecycle-types';
import type { ProfileStatus } from './types';

/*
 * The shapes of the cleanup actions. Each is asked first with `dryRun=true` (nothing changes)
 * and then for real; both answers have the same shape.
 */

/** A profile as a cleanup names it. */
export interface CleanedProfile {
  readonly id: number;
  readonly uuid: string;
  readonly name: string;
  readonly ogId: number;
  readonly lineageVersion: number;
  readonly status: ProfileStatus;
  readonly expirationDate: string;
}

/** `POST /profiles/:id/replace-older-versions`: `profile` replaces each version in `replaced`. */
export interface LineageReplacement {
  readonly dryRun: boolean;
  readonly profile: CleanedProfile;
  readonly replaced: readonly ReplacedVersion[];
}

export interface ReplacedVersion {
  readonly profile: CleanedProfile;
  /** The renewal of this older version by the newer profile: its apps, devices and the diff. */
  readonly plan: RenewalPlan;
  /** The renewal rolling the newer profile out; null in a dry run or when no app used the version. */
  readonly renewalId: number | null;
}

/** `POST /profiles/cleanup/unused`: the profiles no app version uses, deleted unless a dry run. */
export interface UnusedProfilesCleanup {
  readonly dryRun: boolean;
  readonly profiles: readonly CleanedProfile[];
}

/** One expired profile and how many devices it is removed from. */
export interface ProfileRemoval {
  readonly profileId: number;
  readonly uuid: string;
  readonly name: string;
  readonly ogId: number;
  readonly devices: number;
}

/** `POST /devices/cleanup/expired-profiles`: removals from devices that hold a valid successor. */
export interface ExpiredProfilesCleanup {
  readonly dryRun: boolean;
  readonly removals: readonly ProfileRemoval[];
  /** Removals queued (or that would be) in all: a device holding two such profiles counts twice. */
  readonly devices: number;
}
