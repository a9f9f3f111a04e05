import { z } from 'zod';
import { APP_VERSION_STATUSES } from '../../domain/model.js';
import type { AppDetail, AppView, BundleView, UploadedApp, VersionView } from '../../services/catalog/index.js';
import { idSchema, isoOrNull, pageOf, pageQueryShape, presentPage, timestampSchema } from '../schemas.js';
import { uploadedFileSchema } from '../upload/uploaded-file.js';
import { daysQuerySchema, formFlagSchema, searchQuerySchema } from './catalog-query.dto.js';
import { certificateSchema, presentCertificate, presentProfile, profileSchema } from './profile.dto.js';

const appShape = {
  id: z.number().int(),
  ogId: z.number().int(),
  bundleId: z.string(),
  name: z.string(),
  platform: z.string(),
  createdAt: timestampSchema,
  effectiveExpiry: timestampSchema
    .nullable()
    .describe("The first day the app stops launching: the earliest expiry of its active versions' profiles and signing certificates."),
  daysLeft: z.number().int().nullable().describe('Whole days until the effective expiry; negative once passed, null when nothing expires.'),
  currentVersion: z
    .object({ shortVersion: z.string(), build: z.string() })
    .nullable()
    .describe('The newest active version; null when the app has none (nothing uploaded, or every version retired).'),
  installCount: z
    .number()
    .int()
    .nonnegative()
    .describe("How many distinct devices in the app's group or the groups below it report its bundle id as installed."),
};

export const appSchema = z.object(appShape).meta({ id: 'App' });

const bundleSchema = z
  .object({
    bundleId: z.string().describe('The app itself or one of its extensions.'),
    profile: profileSchema,
    signingCertificate: certificateSchema.nullable().describe('The certificate that signed this bundle’s executable.'),
  })
  .meta({ id: 'AppBundle' });

export const appVersionSchema = z
  .object({
    id: z.number().int(),
    appId: z.number().int(),
    shortVersion: z.string(),
    build: z.string(),
    ipaSha256: z.string(),
    ipaSize: z.number().int(),
    uploadedAt: timestampSchema,
    uploadedBy: z.number().int().nullable().describe('The admin who uploaded it; null for API tokens.'),
    status: z.enum(APP_VERSION_STATUSES),
    effectiveExpiry: timestampSchema.nullable(),
    bundles: z.array(bundleSchema),
  })
  .meta({ id: 'AppVersion' });

export const appVersionPageSchema = pageOf(appVersionSchema);

export const appDetailSchema = z
  .object({ ...appShape, versions: appVersionPageSchema.describe('The newest versions; continue at /apps/{id}/versions.') })
  .meta({ id: 'AppDetail' });

export const uploadedAppSchema = z.object({
  app: appSchema,
  version: appVersionSchema,
  createdProfileIds: z.array(z.number().int()).describe('Profiles this upload stored; others were already known by UUID.'),
});

export const appUploadBody = z.object({
  og: idSchema.describe('The group the app belongs to.'),
  limitedDevices: formFlagSchema
    .default(false)
    .describe('`true` accepts development and ad-hoc profiles: the app is for the devices they list only.'),
  ipa: uploadedFileSchema('The .ipa, as exported by Xcode.'),
  profile: uploadedFileSchema('A .mobileprovision for the app, replacing the one it embeds.').optional(),
});

export const appListQuery = z.object({
  og: idSchema.optional().describe('Only apps of this group and the groups below it.'),
  search: searchQuerySchema.optional().describe('Part of the name or bundle id, any case.'),
  expiringWithin: daysQuerySchema.optional().describe('Only apps whose effective expiry is at most this many days away (or past).'),
  sort: z.enum(['name', 'expiry']).optional().describe('`name` (the default) or `expiry`: soonest first, apps without expiry last.'),
  ...pageQueryShape,
});

export const versionParams = z.object({ id: idSchema, versionId: idSchema });

export function presentApp({ app, daysLeft, currentVersion, installCount }: AppView): z.output<typeof appSchema> {
  return {
    id: app.id,
    ogId: app.ogId,
    bundleId: app.bundleId,
    name: app.name,
    platform: app.platform,
    createdAt: app.createdAt.toISOString(),
    effectiveExpiry: isoOrNull(app.effectiveExpiry),
    daysLeft,
    currentVersion: currentVersion === null ? null : { shortVersion: currentVersion.shortVersion, build: currentVersion.build },
    installCount,
  };
}

export function presentVersion({ version, bundles }: VersionView): z.output<typeof appVersionSchema> {
  return {
    id: version.id,
    appId: version.appId,
    shortVersion: version.shortVersion,
    build: version.build,
    ipaSha256: version.ipaSha256,
    ipaSize: version.ipaSize,
    uploadedAt: version.uploadedAt.toISOString(),
    uploadedBy: version.uploadedBy ?? null,
    status: version.status,
    effectiveExpiry: isoOrNull(version.effectiveExpiry),
    bundles: bundles.map(presentBundle),
  };
}

export function presentAppDetail(detail: AppDetail): z.output<typeof appDetailSchema> {
  return { ...presentApp(detail), versions: presentPage(detail.versions, presentVersion) };
}

export function presentUploadedApp(uploaded: UploadedApp): z.output<typeof uploadedAppSchema> {
  return { app: presentApp(uploaded.app), version: presentVersion(uploaded.version), createdProfileIds: [...uploaded.createdProfileIds] };
}

function presentBundle(bundle: BundleView): z.output<typeof bundleSchema> {
  const certificate = bundle.signingCertificate;
  return {
    bundleId: bundle.bundleId,
    profile: presentProfile(bundle.profile),
    signingCertificate: certificate === null ? null : presentCertificate(certificate),
  };
}
