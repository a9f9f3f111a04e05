import { z } from 'zod';
import type { NoticeForViewer } from '../../domain/notice-types.js';
import type { RenewalDryRun } from '../../services/lifecycle/renewal-plan.service.js';
import type { ScanReport } from '../../services/lifecycle/expiry-scan.service.js';
import type { AlertChannel } from '../../store/alert-channel.repository.js';
import type { DeviceExposure } from '../../store/expiry.repository.js';
import { bodyIdSchema, idSchema, timestampSchema } from '../schemas.js';
import { uploadedFileSchema } from '../upload/uploaded-file.js';
import { formFlagSchema } from './catalog-query.dto.js';

const affectedAppSchema = z.object({ appId: z.number().int(), name: z.string(), ogId: z.number().int(), devices: z.number().int() });

export const noticeSchema = z
  .object({
    id: z.number().int(),
    ogId: z.number().int(),
    subjectType: z.enum(['profile', 'certificate']),
    subjectId: z.number().int(),
    subjectName: z.string(),
    thresholdDays: z.number().int().describe('60, 30, 14, 7 or 1 days before expiry; 0 once expired.'),
    expiresAt: timestampSchema,
    impact: z.object({ apps: z.array(affectedAppSchema), ogIds: z.array(z.number().int()), devices: z.number().int() }),
    dismissed: z.boolean(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'ExpiryNotice' });

export const noticeListQuery = z.object({
  includeDismissed: formFlagSchema.optional().describe('Also list notices this admin dismissed.'),
});

export const scanReportSchema = z.object({
  ranAt: timestampSchema,
  subjectsExamined: z.number().int(),
  noticesCreated: z.number().int(),
  deviceNoticesCreated: z.number().int(),
  versionsMarkedExpired: z.number().int(),
  profilesMarkedExpired: z.number().int(),
});

export const ogQuery = z.object({ og: idSchema.optional().describe('Only this group and the groups below it.') });

export const timelineSchema = z.array(
  z.object({ day: z.string().describe('YYYY-MM-DD (UTC)'), apps: z.array(affectedAppSchema), devices: z.number().int() }),
);

export const unableToOpenSchema = z.array(
  z.object({
    deviceId: z.number().int(),
    udid: z.string(),
    deviceName: z.string().nullable(),
    appId: z.number().int(),
    appName: z.string(),
    appVersionId: z.number().int(),
    expiredAt: timestampSchema,
  }),
);

export const channelSchema = z
  .object({ id: z.number().int(), ogId: z.number().int(), kind: z.enum(['email', 'webhook']), target: z.string(), createdAt: timestampSchema })
  .meta({ id: 'AlertChannel' });

export const channelBody = z.discriminatedUnion('kind', [
  z.object({ og: bodyIdSchema, kind: z.literal('email'), target: z.email() }),
  z.object({ og: bodyIdSchema, kind: z.literal('webhook'), target: z.url({ protocol: /^https?$/ }) }),
]);

export const createdChannelSchema = z.object({
  channel: channelSchema,
  secret: z.string().nullable().describe('The webhook signing key: shown only in this response.'),
});

export const calendarFeedBody = z.object({ og: bodyIdSchema });
export const calendarFeedSchema = z.object({ id: z.number().int(), url: z.string().describe('Keep it secret: the token is the only credential.') });
export const calendarParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,100}\.ics$/) });

export const renewalQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('`true`: check and plan only, nothing changes.'),
});

export const renewalBody = z.object({
  profile: uploadedFileSchema('The replacement .mobileprovision.'),
  applyToAllApps: formFlagSchema.optional().describe('Renew for every app sharing the profile (required when several do).'),
});

const certificateRefSchema = z.object({ sha256: z.string(), commonName: z.string().nullable() });

export const renewalPlanSchema = z
  .object({
    dryRun: z.literal(true),
    profile: z.object({ id: z.number().int(), uuid: z.string(), name: z.string(), expirationDate: timestampSchema }),
    replacement: z.object({ uuid: z.string(), name: z.string(), expirationDate: timestampSchema }),
    sharedByApps: z.number().int().describe('How many apps use the profile; above 1, applyToAllApps is required.'),
    apps: z.array(
      z.object({
        appId: z.number().int(),
        name: z.string(),
        ogId: z.number().int(),
        appVersionIds: z.array(z.number().int()),
        bundleIds: z.array(z.string()),
        devices: z.number().int(),
      }),
    ),
    ogIds: z.array(z.number().int()),
    devices: z.number().int(),
    diff: z.object({
      expiry: z.object({ from: timestampSchema, to: timestampSchema, gainedDays: z.number().int() }),
      certificatesAdded: z.array(certificateRefSchema),
      certificatesRemoved: z.array(certificateRefSchema),
      entitlementsChanged: z.array(z.object({ key: z.string(), change: z.enum(['added', 'removed', 'changed']), from: z.unknown(), to: z.unknown() })),
      devicesAdded: z.array(z.string()),
      devicesRemoved: z.array(z.string()),
    }),
  })
  .meta({ id: 'RenewalPlan' });

export function presentNotice(notice: NoticeForViewer): z.output<typeof noticeSchema> {
  return {
    id: notice.id,
    ogId: notice.ogId,
    subjectType: notice.subjectType,
    subjectId: notice.subjectId,
    subjectName: notice.subjectName,
    thresholdDays: notice.threshold,
    expiresAt: notice.expiresAt.toISOString(),
    impact: { apps: [...notice.impact.apps], ogIds: [...notice.impact.ogIds], devices: notice.impact.devices },
    dismissed: notice.dismissed,
    createdAt: notice.createdAt.toISOString(),
  };
}

export function presentScan(report: ScanReport): z.output<typeof scanReportSchema> {
  return { ...report, ranAt: report.ranAt.toISOString() };
}

export function presentChannel(channel: AlertChannel): z.output<typeof channelSchema> {
  return { ...channel, createdAt: channel.createdAt.toISOString() };
}

export function presentUnableToOpen(exposure: DeviceExposure): z.output<typeof unableToOpenSchema>[number] {
  const { userEmail: _email, expiresAt, deviceName, ...rest } = exposure;
  return { ...rest, deviceName: deviceName ?? null, expiredAt: expiresAt.toISOString() };
}

export function presentRenewalPlan(dryRun: RenewalDryRun): z.output<typeof renewalPlanSchema> {
  const { plan } = dryRun;
  const iso = (date: Date) => date.toISOString();
  return {
    dryRun: true,
    profile: { ...dryRun.profile, expirationDate: iso(dryRun.profile.expirationDate) },
    replacement: { ...dryRun.replacement, expirationDate: iso(dryRun.replacement.expirationDate) },
    sharedByApps: dryRun.sharedByApps,
    apps: plan.apps.map((app) => ({ ...app, appVersionIds: [...app.appVersionIds], bundleIds: [...app.bundleIds] })),
    ogIds: [...plan.ogIds],
    devices: plan.devices,
    diff: {
      expiry: { from: iso(plan.diff.expiry.from), to: iso(plan.diff.expiry.to), gainedDays: plan.diff.expiry.gainedDays },
      certificatesAdded: [...plan.diff.certificatesAdded],
      certificatesRemoved: [...plan.diff.certificatesRemoved],
      entitlementsChanged: plan.diff.entitlementsChanged.map((change) => ({ ...change, from: change.from, to: change.to })),
      devicesAdded: [...plan.diff.devicesAdded],
      devicesRemoved: [...plan.diff.devicesRemoved],
    },
  };
}
