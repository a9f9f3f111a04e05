import { assignProfiles, checkAppUpload, distinctProfiles, type BundleAssignment } from '../../domain/upload-rules.js';
import type { ProvisioningProfile } from '../../formats/profile/index.js';
import type { CertificateSummary } from '../../formats/x509/index.js';
import type { BlobInfo, BlobStore } from '../../io/blob-store.js';
import { notFound } from '../../http/errors.js';
import type { Database } from '../../store/database.js';
import type { VersionBundle } from '../../store/app-version.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import { findOrCreateApp, recordCertificate, recordProfile, type RecordedProfile, type UploadStamp } from './catalog-records.js';
import type { UploadedApp } from './catalog-views.js';
import type { ProfileTrust } from './profile-trust.js';
import { readAppUpload, type AppUploadFiles } from './upload-reading.js';
import { requireOgInScope } from './scope-checks.js';
import { refuseViolations } from './upload-refusal.js';
import { describeVersion, singleAppView } from './view-builders.js';

/** An .ipa (and maybe its profile) already on disk, to add to a group's catalog. */
export interface AppUploadRequest {
  readonly ogId: number;
  readonly ipaPath: string;
  /** A profile uploaded with the app; it replaces the profile the app embeds. */
  readonly profilePath?: string;
  /** Accept development and ad-hoc profiles: the app is for the devices they list only. */
  readonly limitedDevices: boolean;
}

export interface AppUploadServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly trust: ProfileTrust;
}

type Bundle = BundleAssignment<ProvisioningProfile, CertificateSummary>;

/** Signed bytes stored for this upload, by what they are. */
interface StoredBlobs {
  readonly ipa: BlobInfo;
  /** By profile UUID. */
  readonly profiles: ReadonlyMap<string, BlobInfo>;
}

/**
 * Uploading an internal app. All or nothing: every file is parsed and every rule checked before
 * anything is written; blobs are stored next (content-addressed, so one left by a failure below
 * is harmless); then one transaction writes profiles, certificates, app, version, bundle links
 * and the audit entry.
 */
export class AppUploadService {
  constructor(private readonly deps: AppUploadServiceDeps) {}

  async uploadApp(caller: Caller, request: AppUploadRequest): Promise<UploadedApp> {
    const scope = caller.actor.scope;
    await requireOgInScope(this.deps.database.repositories, scope, request.ogId);
    const files = await readAppUpload(request.ipaPath, request.profilePath, this.deps.trust);
    const now = this.deps.clock.now();
    const bundles = this.checkedBundles(files, request, now);
    const blobs = await this.storeBlobs(request.ipaPath, files, bundles);
    const upload: CheckedUpload = { request, files, bundles, blobs, now };
    return this.deps.database.transaction((repositories) => this.record(repositories, caller, upload));
  }

  /** Each bundle with the profile it will run under, once every rule holds; a 422 otherwise. */
  private checkedBundles(files: AppUploadFiles, request: AppUploadRequest, now: Date): Bundle[] {
    const uploaded = files.profile?.profile ?? null;
    const policy = { limitedDevices: request.limitedDevices, allowUntrustedProfiles: this.deps.trust.allowUntrustedProfiles, now };
    refuseViolations(checkAppUpload(files.ipa.inspection, uploaded, policy));
    // No violation means the app had a profile (`ipa.no_profile` otherwise), so this is never null.
    return assignProfiles(files.ipa.inspection, uploaded) ?? [];
  }

  private async storeBlobs(ipaPath: string, files: AppUploadFiles, bundles: readonly Bundle[]): Promise<StoredBlobs> {
    const profiles = new Map<string, BlobInfo>();
    for (const profile of distinctProfiles(bundles)) {
      profiles.set(profile.uuid, await this.deps.blobs.put(signedBytesOf(files, profile)));
    }
    return { ipa: await this.deps.blobs.put(ipaPath), profiles };
  }

  private async record(repositories: Repositories, caller: Caller, upload: CheckedUpload): Promise<UploadedApp> {
    const { scope } = caller.actor;
    const { ogId } = upload.request;
    const stamp: UploadStamp = { at: upload.now, by: caller.actor.kind === 'admin' ? caller.actor.id : undefined };
    const profiles = await recordProfiles(repositories, scope, upload, stamp);
    const bundles = await recordBundles(repositories, scope, upload, profiles);
    const { inspection } = upload.files.ipa;
    const app = await findOrCreateApp(repositories, scope, ogId, inspection);
    const version = await repositories.appVersions.add(scope, app.id, {
      shortVersion: inspection.shortVersion ?? '',
      build: inspection.version ?? '',
      ipaSha256: upload.blobs.ipa.sha256,
      ipaSize: upload.blobs.ipa.size,
      uploadedAt: stamp.at,
      uploadedBy: stamp.by,
      bundles,
    });
    if (version === undefined) throw notFound('app');
    const createdProfileIds = [...profiles.values()].filter((recorded) => recorded.created).map((recorded) => recorded.profile.id);
    const details = { appId: app.id, bundleId: app.bundleId, shortVersion: version.shortVersion, build: version.build };
    await this.deps.audit.record(repositories, caller, {
      action: 'app.upload',
      objectType: 'app_version',
      objectId: version.id,
      ogId,
      details: { ...details, createdProfileIds, limitedDevices: upload.request.limitedDevices },
    });
    const current = (await repositories.apps.get(scope, app.id)) ?? app;
    const described = await describeVersion(repositories, scope, version, upload.now);
    const view = await singleAppView(repositories, scope, current, upload.now);
    return { app: view, version: described, createdProfileIds };
  }
}

/** What the transaction writes: the request, its parsed files, checked bundles and stored blobs. */
interface CheckedUpload {
  readonly request: AppUploadRequest;
  readonly files: AppUploadFiles;
  readonly bundles: readonly Bundle[];
  readonly blobs: StoredBlobs;
  readonly now: Date;
}

/** Stores (or finds by UUID) each profile the bundles use; by UUID. */
async function recordProfiles(
  repositories: Repositories,
  scope: Scope,
  upload: CheckedUpload,
  stamp: UploadStamp,
): Promise<Map<string, RecordedProfile>> {
  const recorded = new Map<string, RecordedProfile>();
  for (const profile of distinctProfiles(upload.bundles)) {
    const item = { profile, blob: prepared(upload.blobs.profiles.get(profile.uuid), profile) };
    recorded.set(profile.uuid, await recordProfile(repositories, scope, upload.request.ogId, item, stamp));
  }
  return recorded;
}

/** Each bundle's link to its stored profile and signing certificate. */
async function recordBundles(
  repositories: Repositories,
  scope: Scope,
  upload: CheckedUpload,
  profiles: ReadonlyMap<string, RecordedProfile>,
): Promise<VersionBundle[]> {
  const links: VersionBundle[] = [];
  for (const bundle of upload.bundles) {
    const signer = bundle.signingCertificate;
    const certificate = signer === null ? undefined : await recordCertificate(repositories, scope, upload.request.ogId, signer);
    const profileId = prepared(profiles.get(bundle.profile.uuid), bundle.profile).profile.id;
    links.push({ bundleId: bundle.bundleId, profileId, signingCertificateId: certificate?.id });
  }
  return links;
}

/** The signed bytes of a profile of the upload: the uploaded file, or one embedded in the .ipa. */
function signedBytesOf(files: AppUploadFiles, profile: ProvisioningProfile): Uint8Array {
  if (files.profile?.profile === profile) return files.profile.bytes;
  const embedded = files.ipa.embeddedProfiles.get(profile.uuid);
  if (embedded === undefined) throw new Error(`the bytes of profile ${profile.uuid} were not read`);
  return embedded;
}

/** Something this upload put aside for the profile; its absence is a bug, not a client error. */
function prepared<T>(value: T | undefined, profile: ProvisioningProfile): T {
  if (value === undefined) throw new Error(`nothing prepared for profile ${profile.uuid}`);
  return value;
}
