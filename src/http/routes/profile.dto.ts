import { z } from 'zod';
import { PROFILE_STATUSES, type Certificate, type Profile, type ProfileUsage } from '../../domain/model.js';
import type { ProfileDetail, ProfileView, UploadedProfile } from '../../services/catalog/index.js';
import { idSchema, pageQueryShape, timestampSchema } from '../schemas.js';
import { uploadedFileSchema } from '../upload/uploaded-file.js';
import { daysQuerySchema, searchQuerySchema } from './catalog-query.dto.js';

const PROFILE_TYPES = ['enterprise', 'developer-id', 'development', 'adhoc', 'appstore'] as const;
const SIGNATURE_STATUSES = ['valid', 'tampered', 'untrusted', 'unsigned'] as const;

export const certificateSchema = z
  .object({
    id: z.number().int(),
    ogId: z.number().int(),
    sha256: z.string().describe('Lowercase hex SHA-256 of the DER encoding.'),
    sha1: z.string(),
    commonName: z.string(),
    teamId: z.string().nullable(),
    serialNumber: z.string(),
    notBefore: timestampSchema,
    notAfter: timestampSchema,
  })
  .meta({ id: 'Certificate' });

export const profileSchema = z
  .object({
    id: z.number().int(),
    ogId: z.number().int(),
    uuid: z.string(),
    name: z.string(),
    appIdName: z.string(),
    applicationIdentifier: z.string().describe('`TEAMID.bundle.id`, possibly ending in `*`.'),
    bundleId: z.string().describe('The bundle id or wildcard pattern the profile covers.'),
    wildcard: z.boolean(),
    teamId: z.string(),
    teamName: z.string(),
    type: z.enum(PROFILE_TYPES),
    platforms: z.array(z.string()),
    creationDate: timestampSchema,
    expirationDate: timestampSchema,
    daysLeft: z.number().int().describe('Whole days until expiry; negative once expired.'),
    deviceCount: z.number().int().describe('UDIDs listed (development and ad-hoc profiles).'),
    signatureStatus: z.enum(SIGNATURE_STATUSES),
    status: z.enum(PROFILE_STATUSES),
    supersededBy: z.number().int().nullable(),
    lineageVersion: z.number().int().describe('1 for the first profile with this App ID and name in the group, then 2, 3, …'),
    uploadedAt: timestampSchema,
    uploadedBy: z.number().int().nullable().describe('The admin who uploaded it; null for API tokens.'),
  })
  .meta({ id: 'Profile' });

const usageSchema = z
  .object({
    appId: z.number().int(),
    appName: z.string(),
    appVersionId: z.number().int(),
    shortVersion: z.string(),
    build: z.string(),
    versionStatus: z.enum(['active', 'retired']),
    bundleId: z.string().describe('The bundle (the app or one of its extensions) that runs under the profile.'),
  })
  .meta({ id: 'ProfileUsage' });

const lineageEntrySchema = z.object({
  id: z.number().int(),
  uuid: z.string(),
  lineageVersion: z.number().int(),
  status: z.enum(PROFILE_STATUSES),
  expirationDate: timestampSchema,
});

export const profileDetailSchema = z
  .object({
    ...profileSchema.shape,
    provisionedDevices: z.array(z.string()),
    entitlements: z.record(z.string(), z.unknown()),
    certificates: z.array(certificateSchema),
    sharedBy: z.array(usageSchema).describe('Every app version bundle that runs under this profile.'),
    lineage: z.array(lineageEntrySchema).describe('Every version of this profile (same group, App ID and name), first first.'),
  })
  .meta({ id: 'ProfileDetail' });

export const uploadedProfileSchema = z.object({
  profile: profileSchema,
  created: z.boolean().describe('False when the group already held this UUID: nothing was written.'),
});

export const profileUploadBody = z.object({
  og: idSchema.describe('The group the profile is stored in.'),
  profile: uploadedFileSchema('The .mobileprovision file, as Apple issued it.'),
});

export const profileListQuery = z.object({
  og: idSchema.optional().describe('Only profiles of this group and the groups below it.'),
  search: searchQuerySchema.optional().describe('Part of the profile name, any case.'),
  type: z.enum(PROFILE_TYPES).optional(),
  status: z.enum(PROFILE_STATUSES).optional(),
  bundleId: z.string().max(255).optional().describe('The bundle id or pattern of the profile, exactly.'),
  uuid: z.string().max(100).optional().describe('The profile UUID, any case (several groups may hold the same UUID).'),
  expiringWithin: daysQuerySchema.optional().describe('Only profiles expiring within this many days (or expired).'),
  sort: z
    .enum(['expiry', 'name', 'uploaded'])
    .optional()
    .describe('`expiry` (soonest first, the default), `name`, or `uploaded` (newest first).'),
  ...pageQueryShape,
});

/** The media type of a signed provisioning profile. */
export const PROFILE_CONTENT_TYPE = 'application/x-apple-aspen-mobileprovision';

export function presentCertificate(certificate: Certificate): z.output<typeof certificateSchema> {
  return {
    ...certificate,
    teamId: certificate.teamId ?? null,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
  };
}

export function presentProfile({ profile, daysLeft }: ProfileView): z.output<typeof profileSchema> {
  return {
    id: profile.id,
    ogId: profile.ogId,
    uuid: profile.uuid,
    name: profile.name,
    appIdName: profile.appIdName,
    applicationIdentifier: profile.applicationIdentifier,
    bundleId: profile.bundleId,
    wildcard: profile.wildcard,
    teamId: profile.teamId,
    teamName: profile.teamName,
    type: profile.type,
    platforms: [...profile.platforms],
    creationDate: profile.creationDate.toISOString(),
    expirationDate: profile.expirationDate.toISOString(),
    daysLeft,
    deviceCount: profile.deviceCount,
    signatureStatus: profile.signatureStatus,
    status: profile.status,
    supersededBy: profile.supersededBy ?? null,
    lineageVersion: profile.lineageVersion,
    uploadedAt: profile.uploadedAt.toISOString(),
    uploadedBy: profile.uploadedBy ?? null,
  };
}

export function presentProfileDetail(detail: ProfileDetail): z.output<typeof profileDetailSchema> {
  return {
    ...presentProfile(detail),
    provisionedDevices: [...detail.profile.provisionedDevices],
    entitlements: detail.profile.entitlements,
    certificates: detail.certificates.map(presentCertificate),
    sharedBy: detail.sharedBy.map((usage: ProfileUsage) => ({ ...usage })),
    lineage: detail.lineage.map(presentLineageEntry),
  };
}

export function presentUploadedProfile(uploaded: UploadedProfile): z.output<typeof uploadedProfileSchema> {
  return { profile: presentProfile(uploaded.profile), created: uploaded.created };
}

function presentLineageEntry(profile: Profile): z.output<typeof lineageEntrySchema> {
  const { id, uuid, lineageVersion, status } = profile;
  return { id, uuid, lineageVersion, status, expirationDate: profile.expirationDate.toISOString() };
}
