import { checkProfileUpload } from '../../domain/upload-rules.js';
import type { BlobStore } from '../../io/blob-store.js';
import type { Database } from '../../store/database.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import { recordProfile } from './catalog-records.js';
import type { UploadedProfile } from './catalog-views.js';
import type { ProfileTrust } from './profile-trust.js';
import { requireOgInScope } from './scope-checks.js';
import { readProfileUpload } from './upload-reading.js';
import { refuseViolations } from './upload-refusal.js';
import { profileView } from './view-builders.js';

/** A .mobileprovision already on disk, to add to a group. */
export interface ProfileUploadRequest {
  readonly ogId: number;
  readonly profilePath: string;
}

export interface ProfileUploadServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly trust: ProfileTrust;
}

/**
 * Uploading a provisioning profile on its own (e.g. a renewed one, before it is applied to apps).
 * The same UUID again returns the stored profile and writes nothing; a profile with the App ID
 * and name of a stored one becomes the next version of that lineage.
 */
export class ProfileUploadService {
  constructor(private readonly deps: ProfileUploadServiceDeps) {}

  async uploadProfile(caller: Caller, request: ProfileUploadRequest): Promise<UploadedProfile> {
    const { scope } = caller.actor;
    await requireOgInScope(this.deps.database.repositories, scope, request.ogId);
    const file = await readProfileUpload(request.profilePath, this.deps.trust);
    const now = this.deps.clock.now();
    refuseViolations(checkProfileUpload(file.profile, { allowUntrustedProfiles: this.deps.trust.allowUntrustedProfiles, now }));
    const blob = await this.deps.blobs.put(file.bytes);
    const stamp = { at: now, by: caller.actor.kind === 'admin' ? caller.actor.id : undefined };
    return this.deps.database.transaction(async (repositories) => {
      const { profile, created } = await recordProfile(repositories, scope, request.ogId, { profile: file.profile, blob }, stamp);
      if (created) {
        const details = { uuid: profile.uuid, name: profile.name, lineageVersion: profile.lineageVersion };
        const change = { action: 'profile.upload', objectType: 'profile', objectId: profile.id, ogId: profile.ogId, details };
        await this.deps.audit.record(repositories, caller, change);
      }
      return { profile: profileView(profile, now), created };
    });
  }
}
