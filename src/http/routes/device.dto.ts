import { z } from 'zod';
import type { Device } from '../../domain/model.js';
import type { DeviceDetail, DeviceProfileView, InstallationView } from '../../services/catalog/index.js';
import { idSchema, isoOrNull, pageQueryShape, timestampSchema } from '../schemas.js';
import { searchQuerySchema } from './catalog-query.dto.js';

export const deviceSchema = z
  .object({
    id: z.number().int(),
    ogId: z.number().int(),
    udid: z.string(),
    serialNumber: z.string().nullable(),
    name: z.string().nullable(),
    model: z.string().nullable(),
    osVersion: z.string().nullable(),
    userName: z.string().nullable(),
    userEmail: z.string().nullable(),
    enrolledAt: timestampSchema,
    lastSeenAt: timestampSchema,
  })
  .meta({ id: 'Device' });

const installationSchema = z.object({
  bundleId: z.string(),
  appId: z.number().int().nullable().describe('The catalog app of the reported build, when it was recognised.'),
  appVersionId: z.number().int().nullable(),
  shortVersion: z.string().nullable(),
  bundleVersion: z.string().nullable(),
  reportedAt: timestampSchema,
});

const deviceProfileSchema = z.object({
  uuid: z.string(),
  profileId: z.number().int().nullable().describe('The catalog profile with this UUID, when there is one in scope.'),
  name: z.string().nullable(),
  expiresAt: timestampSchema.nullable(),
  reportedAt: timestampSchema,
});

export const deviceDetailSchema = z
  .object({
    ...deviceSchema.shape,
    installations: z.array(installationSchema).describe('Apps the device last reported as installed.'),
    profiles: z.array(deviceProfileSchema).describe('Provisioning profiles the device last reported as installed.'),
  })
  .meta({ id: 'DeviceDetail' });

export const deviceListQuery = z.object({
  og: idSchema.optional().describe('Only devices of this group and the groups below it.'),
  search: searchQuerySchema.optional().describe('Part of the name, serial number, UDID or user name, any case.'),
  model: z.string().max(100).optional(),
  installedBundleId: z.string().max(255).optional().describe('Only devices that reported this app as installed.'),
  holdingProfile: z.string().max(100).optional().describe('Only devices that reported this profile UUID as installed.'),
  sort: z.enum(['lastSeen', 'enrolled', 'udid']).optional().describe('`lastSeen` (most recent first, the default), `enrolled` or `udid`.'),
  ...pageQueryShape,
});

export function presentDevice(device: Device): z.output<typeof deviceSchema> {
  return {
    id: device.id,
    ogId: device.ogId,
    udid: device.udid,
    serialNumber: device.serialNumber ?? null,
    name: device.name ?? null,
    model: device.model ?? null,
    osVersion: device.osVersion ?? null,
    userName: device.userName ?? null,
    userEmail: device.userEmail ?? null,
    enrolledAt: device.enrolledAt.toISOString(),
    lastSeenAt: device.lastSeenAt.toISOString(),
  };
}

export function presentDeviceDetail(detail: DeviceDetail): z.output<typeof deviceDetailSchema> {
  return {
    ...presentDevice(detail.device),
    installations: detail.installations.map(presentInstallation),
    profiles: detail.profiles.map(presentDeviceProfile),
  };
}

function presentInstallation(installation: InstallationView): z.output<typeof installationSchema> {
  return {
    bundleId: installation.bundleId,
    appId: installation.appId ?? null,
    appVersionId: installation.appVersionId ?? null,
    shortVersion: installation.shortVersion ?? null,
    bundleVersion: installation.bundleVersion ?? null,
    reportedAt: installation.reportedAt.toISOString(),
  };
}

function presentDeviceProfile(profile: DeviceProfileView): z.output<typeof deviceProfileSchema> {
  return {
    uuid: profile.profileUuid,
    profileId: profile.profileId ?? null,
    name: profile.name ?? null,
    expiresAt: isoOrNull(profile.expiresAt),
    reportedAt: profile.reportedAt.toISOString(),
  };
}
