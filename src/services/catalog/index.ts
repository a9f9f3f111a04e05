/**
 * The catalog of internal apps, provisioning profiles and devices: uploads (checked by the rules
 * in `domain/upload-rules.ts`, stored all or nothing) and the read use cases behind the API.
 *
 * Error codes raised here besides the upload rules' (`ipa.*`, `profile.*` from
 * `domain/upload-violations.ts`) and the parsers' (422 with the parser's code):
 * - `profile.uuid_conflict` (409): the group holds other signed bytes under the same UUID;
 * - `profile.in_use` (409): a profile still used by app versions cannot be deleted (`details.apps`);
 * - `not_found` (404): an object missing or outside the caller's scope, alike.
 */
import type { BlobStore } from '../../io/blob-store.js';
import type { Database } from '../../store/database.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../auth/clock.js';
import { AppUploadService } from './app-upload.service.js';
import { AppCatalogService } from './app.service.js';
import { DeviceCatalogService } from './device.service.js';
import { ProfileUploadService } from './profile-upload.service.js';
import { ProfileCatalogService } from './profile.service.js';
import type { ProfileTrust } from './profile-trust.js';

export { AppUploadService, type AppUploadRequest } from './app-upload.service.js';
export { AppCatalogService, type AppListQuery } from './app.service.js';
export { DeviceCatalogService, type DeviceListQuery } from './device.service.js';
export { ProfileUploadService, type ProfileUploadRequest } from './profile-upload.service.js';
export { ProfileCatalogService, type ProfileDownload, type ProfileListQuery } from './profile.service.js';
export { loadProfileTrust, trustStoreDir, type ProfileTrust } from './profile-trust.js';
export type * from './catalog-views.js';

/** What the catalog use cases need. */
export interface CatalogDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly trust: ProfileTrust;
}

/** The catalog use cases, wired over one database, blob store, clock and trust. */
export interface CatalogServices {
  readonly appUploads: AppUploadService;
  readonly profileUploads: ProfileUploadService;
  readonly apps: AppCatalogService;
  readonly profiles: ProfileCatalogService;
  readonly devices: DeviceCatalogService;
}

export function createCatalogServices(deps: CatalogDeps): CatalogServices {
  const { database, blobs, clock, trust } = deps;
  const audit = new AuditTrail(clock);
  return {
    appUploads: new AppUploadService({ database, blobs, clock, audit, trust }),
    profileUploads: new ProfileUploadService({ database, blobs, clock, audit, trust }),
    apps: new AppCatalogService({ database, clock, audit }),
    profiles: new ProfileCatalogService({ database, blobs, clock, audit }),
    devices: new DeviceCatalogService({ database }),
  };
}
