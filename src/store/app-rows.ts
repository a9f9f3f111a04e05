import type { Selectable } from 'kysely';
import type { App, AppVersion, AppVersionProfile, AppVersionStatus } from '../domain/model.js';
import { toEffectiveExpiry } from './effective-expiry.js';
import type { AppTable, AppVersionProfileTable, AppVersionTable } from './schema.js';
import { fromMillis, orUndefined } from './values.js';

export type AppRow = Selectable<AppTable>;
export type AppVersionRow = Selectable<AppVersionTable>;

export function toApp(row: AppRow): App {
  return {
    id: row.id,
    ogId: row.og_id,
    bundleId: row.bundle_id,
    name: row.name,
    platform: row.platform,
    createdAt: fromMillis(row.created_at),
    effectiveExpiry: toEffectiveExpiry(row.effective_expiry),
  };
}

export function toAppVersion(row: AppVersionRow): AppVersion {
  return {
    id: row.id,
    appId: row.app_id,
    shortVersion: row.short_version,
    build: row.build,
    ipaSha256: row.ipa_sha256,
    ipaSize: row.ipa_size,
    uploadedAt: fromMillis(row.uploaded_at),
    uploadedBy: orUndefined(row.uploaded_by),
    status: row.status as AppVersionStatus,
    effectiveExpiry: toEffectiveExpiry(row.effective_expiry),
  };
}

export function toAppVersionProfile(row: Selectable<AppVersionProfileTable>): AppVersionProfile {
  return {
    appVersionId: row.app_version_id,
    bundleId: row.bundle_id,
    profileId: row.profile_id,
    signingCertificateId: orUndefined(row.signing_certificate_id),
  };
}
