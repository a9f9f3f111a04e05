import type { App, Certificate, Profile } from '../../domain/model.js';
import type { ProvisioningProfile } from '../../formats/profile/index.js';
import type { CertificateSummary } from '../../formats/x509/index.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { BlobInfo } from '../../io/blob-store.js';
import type { CertificateInput } from '../../store/certificate.repository.js';
import type { NewProfile } from '../../store/profile.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import { plistDictToJson } from './plist-json.js';

/*
 * Writes shared by the upload use cases. Each runs on the repositories of the caller's
 * transaction, so an upload's rows commit or vanish together.
 */

/** Who uploaded and when, as stored on profiles and versions. */
export interface UploadStamp {
  readonly at: Date;
  /** The admin, when an admin uploaded (tokens are named in the audit log instead). */
  readonly by: number | undefined;
}

/** A parsed profile ready to store: what it says and where its signed bytes are. */
export interface ProfileToRecord {
  readonly profile: ProvisioningProfile;
  readonly blob: BlobInfo;
}

/** A stored profile and whether this upload created it. */
export interface RecordedProfile {
  readonly profile: Profile;
  readonly created: boolean;
}

/** A certificate as the certificate repository stores it. */
export function certificateInput(summary: CertificateSummary): CertificateInput {
  return {
    sha256: summary.sha256,
    sha1: summary.sha1,
    commonName: summary.commonName ?? '',
    teamId: summary.teamId ?? undefined,
    serialNumber: summary.serial,
    notBefore: summary.notBefore,
    notAfter: summary.notAfter,
  };
}

/** Stores a certificate in the OG (once per fingerprint) and returns the stored one. */
export async function recordCertificate(
  repositories: Repositories,
  scope: Scope,
  ogId: number,
  summary: CertificateSummary,
): Promise<Certificate> {
  const certificate = await repositories.certificates.upsert(scope, ogId, certificateInput(summary));
  if (certificate === undefined) throw notFound('organization group');
  return certificate;
}

/**
 * Stores a profile in the OG with its certificates, or returns the one the OG already holds
 * under the same UUID: re-uploading a profile is idempotent. The same UUID with other signed
 * bytes is a conflict (`profile.uuid_conflict`): Apple never issues two profiles with one UUID.
 */
export async function recordProfile(
  repositories: Repositories,
  scope: Scope,
  ogId: number,
  item: ProfileToRecord,
  stamp: UploadStamp,
): Promise<RecordedProfile> {
  const existing = (await repositories.profiles.findByUuid(scope, item.profile.uuid)).find((profile) => profile.ogId === ogId);
  if (existing !== undefined) return { profile: sameBytesOrConflict(existing, item.blob), created: false };
  const certificates = [];
  for (const summary of item.profile.certificates) certificates.push(await recordCertificate(repositories, scope, ogId, summary));
  const input = newProfile(ogId, item, stamp, certificates.map((certificate) => certificate.id));
  const profile = await repositories.profiles.create(scope, input);
  if (profile === undefined) throw notFound('organization group');
  return { profile, created: true };
}

/** The OG's app with this bundle id, created (named after the bundle) when it has none yet. */
export async function findOrCreateApp(
  repositories: Repositories,
  scope: Scope,
  ogId: number,
  bundle: { readonly bundleId: string; readonly displayName: string | null },
): Promise<App> {
  const existing = (await repositories.apps.findByBundleId(scope, bundle.bundleId)).find((app) => app.ogId === ogId);
  if (existing !== undefined) return existing;
  const name = bundle.displayName ?? bundle.bundleId;
  const app = await repositories.apps.create(scope, { ogId, bundleId: bundle.bundleId, name, platform: 'iOS' });
  if (app === undefined) throw notFound('organization group');
  return app;
}

function sameBytesOrConflict(existing: Profile, blob: BlobInfo): Profile {
  if (existing.blobSha256 === blob.sha256) return existing;
  throw new ApiError('conflict', `a different profile with UUID ${existing.uuid} is already stored in this group`, {
    code: 'profile.uuid_conflict',
    details: { profileId: existing.id },
  });
}

function newProfile(ogId: number, { profile, blob }: ProfileToRecord, stamp: UploadStamp, certificateIds: number[]): NewProfile {
  return {
    ogId,
    uuid: profile.uuid,
    blobSha256: blob.sha256,
    blobSize: blob.size,
    name: profile.name,
    appIdName: profile.appIdName ?? profile.name,
    applicationIdentifier: profile.applicationIdentifier,
    bundleId: profile.bundleId,
    wildcard: profile.isWildcard,
    // The upload rules refuse profiles without a team before anything is stored.
    teamId: profile.teamId ?? '',
    teamName: profile.teamName ?? '',
    type: profile.type,
    platforms: profile.platforms,
    creationDate: profile.creationDate,
    expirationDate: profile.expirationDate,
    provisionedDevices: profile.devices,
    entitlements: plistDictToJson(profile.entitlements),
    signatureStatus: profile.signature.status,
    uploadedAt: stamp.at,
    uploadedBy: stamp.by,
    certificateIds,
  };
}
