import type { SignatureVerification } from '../formats/cms/index.js';
import type { ProfileType } from '../formats/profile/index.js';
/**
 * The stored entities of Provisio as plain TypeScript values.
 *
 * These types are what repositories return and services pass around: ids are integers, times are
 * `Date`s, JSON columns are decoded. How a value is stored (epoch milliseconds, 0/1 flags, JSON
 * text) is the store's business and never leaks into these types.
 */

/** A JSON value as stored in JSON columns (entitlements, audit details). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object; entitlements and audit details are always objects. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** An organization group: a node in the tree every object belongs to (Global at the top). */
export interface OrgGroup {
  readonly id: number;
  /** Undefined only for the root, Global. */
  readonly parentId: number | undefined;
  readonly name: string;
  /** Distance from Global, which has depth 0. */
  readonly depth: number;
  readonly createdAt: Date;
}

/** An organization group with its children, as returned by the tree query. */
export interface OrgGroupNode extends OrgGroup {
  readonly children: readonly OrgGroupNode[];
}

export const ADMIN_ROLES = ['system', 'app-admin', 'read-only'] as const;
/** What an admin or API token may do inside its OG subtree. */
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** A console administrator. The password hash is not part of it; see `AdminCredentials`. */
export interface Admin {
  readonly id: number;
  readonly username: string;
  readonly role: AdminRole;
  readonly homeOgId: number;
  readonly disabled: boolean;
  readonly createdAt: Date;
}

/** An admin with the encoded scrypt hash, returned only by the login lookup. */
export interface AdminCredentials {
  readonly admin: Admin;
  readonly passwordHash: string;
}

/** A console login. The session id and CSRF token are only ever stored hashed. */
export interface ConsoleSession {
  readonly id: number;
  readonly idHash: string;
  readonly adminId: number;
  readonly csrfTokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** A bearer token for the automation API, bound to one OG subtree and one role. */
export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly tokenHash: string;
  readonly ogId: number;
  readonly role: AdminRole;
  readonly createdBy: number | undefined;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | undefined;
  readonly revokedAt: Date | undefined;
}

/** An in-house app, identified by its bundle id within its OG. */
export interface App {
  readonly id: number;
  readonly ogId: number;
  readonly bundleId: string;
  readonly name: string;
  readonly platform: string;
  readonly createdAt: Date;
  /** Earliest expiry across the active versions' profiles and signing certificates. */
  readonly effectiveExpiry: Date | undefined;
}

export const APP_VERSION_STATUSES = ['active', 'retired'] as const;
export type AppVersionStatus = (typeof APP_VERSION_STATUSES)[number];

/** One uploaded build of an app; the IPA itself lives in the blob store. */
export interface AppVersion {
  readonly id: number;
  readonly appId: number;
  readonly shortVersion: string;
  readonly build: string;
  readonly ipaSha256: string;
  readonly ipaSize: number;
  readonly uploadedAt: Date;
  readonly uploadedBy: number | undefined;
  readonly status: AppVersionStatus;
  /** Earliest expiry across this version's bundles (app and extensions). */
  readonly effectiveExpiry: Date | undefined;
}

/** Which profile a bundle (the app itself or one of its extensions) of a version runs under. */
export interface AppVersionProfile {
  readonly appVersionId: number;
  readonly bundleId: string;
  readonly profileId: number;
  /** The certificate that signed this bundle's binary, when known. */
  readonly signingCertificateId: number | undefined;
}

/** How the profile is distributed: the parser's classification, stored as it says. */
export type { ProfileType } from '../formats/profile/index.js';

/** The result of checking the profile's CMS signature, as the CMS verifier reports it. */
export type SignatureStatus = SignatureVerification['status'];

export const PROFILE_STATUSES = ['active', 'superseded', 'expired'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** A provisioning profile: the signed file (a blob) next to the fields parsed out of it. */
export interface Profile {
  readonly id: number;
  readonly ogId: number;
  readonly uuid: string;
  readonly blobSha256: string;
  readonly blobSize: number;
  readonly name: string;
  readonly appIdName: string;
  /** `TEAMID.bundle.id`, possibly ending in `*`. */
  readonly applicationIdentifier: string;
  readonly bundleId: string;
  readonly wildcard: boolean;
  readonly teamId: string;
  readonly teamName: string;
  readonly type: ProfileType;
  readonly platforms: readonly string[];
  readonly creationDate: Date;
  readonly expirationDate: Date;
  readonly deviceCount: number;
  readonly provisionedDevices: readonly string[];
  readonly entitlements: JsonObject;
  readonly signatureStatus: SignatureStatus;
  readonly status: ProfileStatus;
  readonly supersededBy: number | undefined;
  /** 1 for the first profile of its lineage (same OG, App ID and name), then 2, 3, … */
  readonly lineageVersion: number;
  readonly uploadedAt: Date;
  readonly uploadedBy: number | undefined;
}

/** An app version bundle that runs under a given profile. */
export interface ProfileUsage {
  readonly appId: number;
  readonly appName: string;
  readonly appVersionId: number;
  readonly shortVersion: string;
  readonly build: string;
  readonly versionStatus: AppVersionStatus;
  readonly bundleId: string;
}

/** A distribution certificate, stored once per OG and SHA-256 fingerprint. */
export interface Certificate {
  readonly id: number;
  readonly ogId: number;
  /** Lowercase hex SHA-256 of the DER encoding. */
  readonly sha256: string;
  readonly sha1: string;
  readonly commonName: string;
  readonly teamId: string | undefined;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** An enrolled device, as last reported over MDM. */
export interface Device {
  readonly id: number;
  readonly ogId: number;
  readonly udid: string;
  readonly serialNumber: string | undefined;
  readonly name: string | undefined;
  readonly model: string | undefined;
  readonly osVersion: string | undefined;
  readonly userName: string | undefined;
  readonly userEmail: string | undefined;
  readonly enrolledAt: Date;
  readonly lastSeenAt: Date;
}

/** An app a device reported as installed (InstalledApplicationList). */
export interface Installation {
  readonly deviceId: number;
  readonly bundleId: string;
  /** The known app version this matches, when the service could match it. */
  readonly appVersionId: number | undefined;
  readonly shortVersion: string | undefined;
  readonly bundleVersion: string | undefined;
  readonly reportedAt: Date;
}

/** A provisioning profile a device reported as installed (ProvisioningProfileList). */
export interface DeviceProfile {
  readonly deviceId: number;
  readonly profileUuid: string;
  readonly name: string | undefined;
  readonly expiresAt: Date | undefined;
  readonly reportedAt: Date;
}

/** Who did something: an admin, an API token, or Provisio itself. */
export type AuditActor =
  | { readonly kind: 'admin'; readonly id: number }
  | { readonly kind: 'token'; readonly id: number }
  | { readonly kind: 'system' };

/** One line of the append-only audit log. */
export interface AuditEntry {
  readonly id: number;
  readonly actor: AuditActor;
  readonly action: string;
  readonly objectType: string | undefined;
  readonly objectId: number | undefined;
  /** The OG the action happened in; Global for actions outside any OG (a failed login). */
  readonly ogId: number;
  readonly remoteAddress: string | undefined;
  readonly details: JsonObject | undefined;
  readonly at: Date;
}
