/*
 * The shapes the console reads from the public API (`/api/openapi.json` is the reference).
 * Only what the console uses is declared; timestamps are ISO 8601 strings in UTC.
 */

export type AdminRole = 'system' | 'app-admin' | 'read-only';

/** One page of a listing; `nextCursor` is null on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** `GET /auth/me`. */
export interface Actor {
  readonly kind: 'admin' | 'token';
  readonly id: number;
  readonly name: string;
  readonly role: AdminRole;
  readonly homeOgId: number;
}

export interface Admin {
  readonly id: number;
  readonly username: string;
  readonly role: AdminRole;
  readonly homeOgId: number;
  readonly disabled: boolean;
}

/** `POST /auth/login`. */
export interface LoginResult {
  readonly admin: Admin;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** `GET /ogs/tree`: the caller's home group with everything below it. */
export interface OgTree {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly depth: number;
  readonly children: readonly OgTree[];
}

export interface App {
  readonly id: number;
  readonly ogId: number;
  readonly bundleId: string;
  readonly name: string;
  readonly platform: string;
  readonly createdAt: string;
  /** The first moment the app stops launching; null when nothing expires. */
  readonly effectiveExpiry: string | null;
  /** Whole days until `effectiveExpiry`, negative once passed. */
  readonly daysLeft: number | null;
  /** The newest active version; null when the app has none (nothing uploaded, or all retired). */
  readonly currentVersion: AppCurrentVersion | null;
  /** Distinct devices in the app's group or below that report the app as installed. */
  readonly installCount: number;
}

/** `CFBundleShortVersionString` and `CFBundleVersion` of an app's newest active version. */
export interface AppCurrentVersion {
  readonly shortVersion: string;
  readonly build: string;
}

export type ProfileType = 'enterprise' | 'developer-id' | 'development' | 'adhoc' | 'appstore';
export type SignatureStatus = 'valid' | 'tampered' | 'untrusted' | 'unsigned';
export type ProfileStatus = 'active' | 'superseded' | 'expired';

export interface Certificate {
  readonly id: number;
  readonly sha256: string;
  readonly commonName: string;
  readonly teamId: string | null;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

export interface Profile {
  readonly id: number;
  readonly ogId: number;
  readonly uuid: string;
  readonly name: string;
  readonly appIdName: string;
  readonly applicationIdentifier: string;
  readonly bundleId: string;
  readonly wildcard: boolean;
  readonly teamId: string;
  readonly teamName: string;
  readonly type: ProfileType;
  readonly platforms: readonly string[];
  readonly creationDate: string;
  readonly expirationDate: string;
  readonly daysLeft: number;
  readonly deviceCount: number;
  readonly signatureStatus: SignatureStatus;
  readonly status: ProfileStatus;
  /** The profile that replaced this one in a renewal; null unless superseded. */
  readonly supersededBy: number | null;
  readonly lineageVersion: number;
  readonly uploadedAt: string;
}

/** An app version bundle that runs under a profile. */
export interface ProfileUsage {
  readonly appId: number;
  readonly appName: string;
  readonly appVersionId: number;
  readonly shortVersion: string;
  readonly build: string;
  readonly versionStatus: 'active' | 'retired';
  readonly bundleId: string;
}

export interface ProfileDetail extends Profile {
  readonly provisionedDevices: readonly string[];
  readonly entitlements: Readonly<Record<string, unknown>>;
  readonly certificates: readonly Certificate[];
  readonly sharedBy: readonly ProfileUsage[];
  /** Every version of this profile (same group, App ID and name), oldest first. */
  readonly lineage: readonly ProfileLineageEntry[];
}

export interface ProfileLineageEntry {
  readonly id: number;
  readonly uuid: string;
  readonly lineageVersion: number;
  readonly status: ProfileStatus;
  readonly expirationDate: string;
}

/** A bundle of a version (the app or an extension) with its profile. */
export interface AppBundle {
  readonly bundleId: string;
  readonly profile: Profile;
  readonly signingCertificate: Certificate | null;
}

export interface AppVersion {
  readonly id: number;
  readonly appId: number;
  readonly shortVersion: string;
  readonly build: string;
  readonly ipaSha256: string;
  readonly ipaSize: number;
  readonly uploadedAt: string;
  readonly status: 'active' | 'retired';
  readonly effectiveExpiry: string | null;
  readonly bundles: readonly AppBundle[];
}

export interface AppDetail extends App {
  readonly versions: Page<AppVersion>;
}

/** `POST /apps`. */
export interface UploadedApp {
  readonly app: App;
  readonly version: AppVersion;
}

export interface Device {
  readonly id: number;
  readonly ogId: number;
  readonly udid: string;
  readonly serialNumber: string | null;
  readonly name: string | null;
  readonly model: string | null;
  readonly osVersion: string | null;
  readonly userName: string | null;
  readonly userEmail: string | null;
  readonly enrolledAt: string;
  readonly lastSeenAt: string;
}

export interface Installation {
  readonly bundleId: string;
  readonly appId: number | null;
  readonly appVersionId: number | null;
  readonly shortVersion: string | null;
  readonly bundleVersion: string | null;
  readonly reportedAt: string;
}

export interface DeviceProfile {
  readonly uuid: string;
  readonly profileId: number | null;
  readonly name: string | null;
  readonly expiresAt: string | null;
  readonly reportedAt: string;
}

export interface DeviceDetail extends Device {
  readonly installations: readonly Installation[];
  readonly profiles: readonly DeviceProfile[];
}

export interface AuditEntry {
  readonly id: number;
  readonly actor: { readonly kind: 'admin' | 'token' | 'system'; readonly id: number | null };
  readonly action: string;
  readonly objectType: string | null;
  readonly objectId: number | null;
  readonly ogId: number;
  readonly remoteAddress: string | null;
  readonly at: string;
}

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: unknown };
}
