import { randomBytes, randomUUID } from 'node:crypto';
import type { App, Certificate, OrgGroup, Profile } from '../../src/domain/model.js';
import type { NewApp } from '../../src/store/app.repository.js';
import type { NewAppVersion } from '../../src/store/app-version.repository.js';
import type { CertificateInput } from '../../src/store/certificate.repository.js';
import type { NewProfile } from '../../src/store/profile.repository.js';
import type { Repositories } from '../../src/store/repositories.js';
import type { Scope } from '../../src/store/scope.js';

/** A name no other test uses, for columns that are unique across the database. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** An OG and the scope of an admin whose home it is. */
export interface ScopedOg {
  readonly og: OrgGroup;
  readonly scope: Scope;
}

/** Creates an OG under `parent` (a new customer under Global by default) and returns its scope. */
export async function createScopedOg(repositories: Repositories, parent?: ScopedOg, name?: string): Promise<ScopedOg> {
  const { ogs } = repositories;
  const parentScope = parent?.scope ?? (await ogs.rootScope());
  const og = await ogs.create(parentScope, parentScope.ogId, name ?? uniqueName('og'));
  if (og === undefined) {
    throw new Error('the parent OG vanished');
  }
  const scope = await ogs.scopeFor(og.id);
  if (scope === undefined) {
    throw new Error('the new OG vanished');
  }
  return { og, scope };
}

/** The value, or a failed test when a repository answered undefined. */
export function defined<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) {
    throw new Error(`expected a ${what}, got undefined`);
  }
  return value;
}

const DAY = 86_400_000;

/** A date `days` after 2026-01-01, so expiry orderings read easily. */
export function day(days: number): Date {
  return new Date(Date.UTC(2026, 0, 1) + days * DAY);
}

/** A random lowercase hex string of `bytes` bytes (fingerprints, digests). */
export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** A certificate as a parser would report it; expires on `day(365)` unless overridden. */
export function certificateInput(overrides: Partial<CertificateInput> = {}): CertificateInput {
  return {
    sha256: hex(32),
    sha1: hex(20),
    commonName: 'iPhone Distribution: Acme Corp',
    teamId: 'ABCDE12345',
    serialNumber: hex(8),
    notBefore: day(-365),
    notAfter: day(365),
    ...overrides,
  };
}

/** An enterprise profile for `com.acme.app` in `og`; expires on `day(100)` unless overridden. */
export function profileInput(og: ScopedOg, overrides: Partial<NewProfile> = {}): NewProfile {
  const bundleId = overrides.bundleId ?? 'com.acme.app';
  return {
    ogId: og.og.id,
    uuid: randomUUID(),
    blobSha256: hex(32),
    blobSize: 12_345,
    name: `${bundleId} in-house`,
    appIdName: 'Acme App',
    applicationIdentifier: `ABCDE12345.${bundleId}`,
    bundleId,
    wildcard: false,
    teamId: 'ABCDE12345',
    teamName: 'Acme Corp',
    type: 'enterprise',
    platforms: ['iOS'],
    creationDate: day(-265),
    expirationDate: day(100),
    provisionedDevices: [],
    entitlements: { 'application-identifier': `ABCDE12345.${bundleId}`, 'get-task-allow': false },
    signatureStatus: 'valid',
    uploadedAt: day(0),
    certificateIds: [],
    ...overrides,
  };
}

/** Stores a certificate and a profile carrying it in `og`. */
export async function createProfile(
  repositories: Repositories,
  og: ScopedOg,
  overrides: Partial<NewProfile> = {},
  certificate: Partial<CertificateInput> = {},
): Promise<{ profile: Profile; certificate: Certificate }> {
  const stored = defined(await repositories.certificates.upsert(og.scope, og.og.id, certificateInput(certificate)), 'certificate');
  const profile = await repositories.profiles.create(og.scope, profileInput(og, { certificateIds: [stored.id], ...overrides }));
  return { profile: defined(profile, 'profile'), certificate: stored };
}

/** Creates an app in `og` with a unique bundle id unless overridden. */
export async function createApp(repositories: Repositories, og: ScopedOg, overrides: Partial<NewApp> = {}): Promise<App> {
  const app = await repositories.apps.create(og.scope, {
    ogId: og.og.id,
    bundleId: uniqueName('com.acme'),
    name: 'Acme App',
    platform: 'iOS',
    ...overrides,
  });
  return defined(app, 'app');
}

/** A version 1.0 (1) with the given bundles. */
export function versionInput(bundles: NewAppVersion['bundles'], overrides: Partial<NewAppVersion> = {}): NewAppVersion {
  return { shortVersion: '1.0', build: '1', ipaSha256: hex(32), ipaSize: 5_000_000, uploadedAt: day(1), bundles, ...overrides };
}
