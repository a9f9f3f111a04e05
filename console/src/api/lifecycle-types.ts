/*
 * The shapes of the expiry and renewal API (notices, timeline, renewal plans, renewals and their
 * rollout). Timestamps are ISO 8601 strings in UTC.
 */

/** An app that stops when something expires, with the devices running it. */
export interface AffectedApp {
  readonly appId: number;
  readonly name: string;
  readonly ogId: number;
  readonly devices: number;
}

/** `GET /notices`: a profile or certificate reached a threshold before its expiry. */
export interface Notice {
  readonly id: number;
  readonly ogId: number;
  readonly subjectType: 'profile' | 'certificate';
  readonly subjectId: number;
  readonly subjectName: string;
  /** 60, 30, 14, 7 or 1 days before expiry; 0 once expired. */
  readonly thresholdDays: number;
  readonly expiresAt: string;
  readonly impact: {
    readonly apps: readonly AffectedApp[];
    readonly ogIds: readonly number[];
    /** Summed over the apps: a device running two of them counts twice. */
    readonly devices: number;
  };
  readonly dismissed: boolean;
  readonly createdAt: string;
}

/** `GET /expiry/timeline`: one day (YYYY-MM-DD, UTC) on which apps stop; empty days are left out. */
export interface TimelineDay {
  readonly day: string;
  readonly apps: readonly AffectedApp[];
  readonly devices: number;
}

export interface CertificateRef {
  readonly sha256: string;
  readonly commonName: string | null;
}

export interface EntitlementChange {
  readonly key: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly from: unknown;
  readonly to: unknown;
}

/** What a renewal changes between the old profile and its replacement. */
export interface RenewalDiff {
  readonly expiry: { readonly from: string; readonly to: string; readonly gainedDays: number };
  readonly certificatesAdded: readonly CertificateRef[];
  readonly certificatesRemoved: readonly CertificateRef[];
  readonly entitlementsChanged: readonly EntitlementChange[];
  readonly devicesAdded: readonly string[];
  readonly devicesRemoved: readonly string[];
}

export interface PlannedApp {
  readonly appId: number;
  readonly name: string;
  readonly ogId: number;
  readonly appVersionIds: readonly number[];
  readonly bundleIds: readonly string[];
  readonly devices: number;
}

/** `POST /profiles/:id/renewals?dryRun=true`: what applying would do; nothing is written. */
export interface RenewalPlan {
  readonly dryRun: true;
  readonly profile: RenewalProfileRef & { readonly id: number };
  readonly replacement: RenewalProfileRef;
  /** How many apps use the profile; above 1 the renewal must apply to all of them. */
  readonly sharedByApps: number;
  readonly apps: readonly PlannedApp[];
  readonly ogIds: readonly number[];
  /** Devices with at least one affected app. */
  readonly devices: number;
  readonly diff: RenewalDiff;
}

export interface RenewalProfileRef {
  readonly uuid: string;
  readonly name: string;
  readonly expirationDate: string;
}

export type RolloutState = 'pending' | 'waiting_unlock' | 'failed' | 'installed';

export const ROLLOUT_STATES: readonly RolloutState[] = ['installed', 'pending', 'waiting_unlock', 'failed'];

/** How far a renewal got across its devices. */
export interface RolloutSummary {
  readonly total: number;
  readonly pending: number;
  readonly waitingUnlock: number;
  readonly failed: number;
  readonly installed: number;
  readonly oldRemoved: number;
  /** 0 … 100: installed out of total (100 when there are no devices). */
  readonly percent: number;
  /** Every device holds the new profile and no longer the old one. */
  readonly complete: boolean;
}

/** An applied renewal: `POST /profiles/:id/renewals?dryRun=false`, `GET /renewals/:id`. */
export interface Renewal {
  readonly id: number;
  readonly ogId: number;
  readonly createdAt: string;
  /** The admin's username; null for API tokens. */
  readonly createdBy: string | null;
  readonly applyToAllApps: boolean;
  readonly oldProfile: RenewedProfile;
  readonly newProfile: RenewedProfile;
  readonly apps: ReadonlyArray<{ readonly appId: number; readonly name: string; readonly ogId: number; readonly bundleIds: readonly string[] }>;
  readonly rollout: RolloutSummary;
  /** When the last device proved the new profile and dropped the old one. */
  readonly completedAt: string | null;
}

/** A profile of a renewal, described by value; `id` is null once a cleanup deleted it. */
export interface RenewedProfile extends RenewalProfileRef {
  readonly id: number | null;
}

/** One entry of the ErrorChain a device answered. */
export interface RolloutError {
  readonly code: number;
  readonly domain: string;
  readonly description: string | null;
}

/** `GET /renewals/:id/devices`: one device's progress. */
export interface RolloutDevice {
  readonly deviceId: number;
  readonly udid: string;
  readonly name: string | null;
  readonly state: RolloutState;
  readonly oldRemoved: boolean;
  readonly updatedAt: string;
  readonly errors: readonly RolloutError[];
}
