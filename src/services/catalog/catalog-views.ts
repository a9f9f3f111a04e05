import type { App, AppVersion, Certificate, Device, DeviceProfile, Installation, Profile, ProfileUsage } from '../../domain/model.js';
import type { CurrentVersion } from '../../store/app.repository.js';
import type { Page } from '../../store/pagination.js';

/*
 * What the catalog use cases answer: stored objects with what is derived from them at read
 * time (days left until expiry, the profile each bundle runs under, who shares a profile).
 */

/** An app and the whole days until its effective expiry (null when nothing expires). */
export interface AppView {
  readonly app: App;
  readonly daysLeft: number | null;
  /** The newest active version; null when the app has none (never uploaded, or all retired). */
  readonly currentVersion: CurrentVersion | null;
  /** Distinct devices in the app's OG or below that report its bundle id as installed. */
  readonly installCount: number;
}

/** A profile and the whole days until it expires (negative once expired). */
export interface ProfileView {
  readonly profile: Profile;
  readonly daysLeft: number;
}

/** A bundle of a version (the app or an extension): its profile and the certificate that signed it. */
export interface BundleView {
  readonly bundleId: string;
  readonly profile: ProfileView;
  readonly signingCertificate: Certificate | null;
}

export interface VersionView {
  readonly version: AppVersion;
  readonly bundles: readonly BundleView[];
}

/** An app with its newest versions; `versions.nextCursor` continues at `/apps/:id/versions`. */
export interface AppDetail extends AppView {
  readonly versions: Page<VersionView>;
}

/** A profile with its certificates, every app version that runs under it, and its lineage. */
export interface ProfileDetail extends ProfileView {
  readonly certificates: readonly Certificate[];
  readonly sharedBy: readonly ProfileUsage[];
  /** Every version of this profile (same group, App ID and name), first first. */
  readonly lineage: readonly Profile[];
}

/** The outcome of an app upload. */
export interface UploadedApp {
  readonly app: AppView;
  readonly version: VersionView;
  /** Profiles this upload stored; the others were already known by UUID. */
  readonly createdProfileIds: readonly number[];
}

/** The outcome of a profile upload: `created` is false when the UUID was already stored. */
export interface UploadedProfile {
  readonly profile: ProfileView;
  readonly created: boolean;
}

/** An installed app as the device reported it, with the catalog app it matched. */
export interface InstallationView extends Installation {
  readonly appId: number | undefined;
}

/** An installed profile as the device reported it, with the catalog profile of that UUID. */
export interface DeviceProfileView extends DeviceProfile {
  readonly profileId: number | undefined;
}

export interface DeviceDetail {
  readonly device: Device;
  readonly installations: readonly InstallationView[];
  readonly profiles: readonly DeviceProfileView[];
}
