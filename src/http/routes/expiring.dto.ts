import { z } from 'zod';
import type { ExpiringReport } from '../../services/lifecycle/expiry-listing.service.js';
import { idSchema } from '../schemas.js';
import { daysQuerySchema } from './catalog-query.dto.js';

export const expiringQuery = z.object({
  within: daysQuerySchema.optional().describe('Days ahead to look (default 60); what has already expired is always listed.'),
  og: idSchema.optional().describe('Only this group and the groups below it.'),
});

const when = {
  ogId: z.number().int(),
  expiresAt: z.string().describe('ISO 8601'),
  daysLeft: z.number().int().describe('Whole days left; negative once expired.'),
};
const reach = {
  apps: z.number().int().describe('Apps that stop working with it.'),
  devices: z.number().int().describe('Devices running those apps, added up per app.'),
};

export const expiringReportSchema = z.object({
  withinDays: z.number().int(),
  asOf: z.string(),
  profiles: z.array(z.object({ id: z.number().int(), uuid: z.string(), name: z.string(), ...when, ...reach })),
  certificates: z.array(z.object({ id: z.number().int(), commonName: z.string(), ...when, ...reach })),
  apps: z.array(z.object({ id: z.number().int(), name: z.string(), bundleId: z.string(), ...when, devices: z.number().int().describe('Devices running a version that stops.') })),
  truncated: z.boolean().describe('True when a list was cut to its soonest 5,000 entries.'),
});

export type ExpiringReportDto = z.output<typeof expiringReportSchema>;

export function presentExpiring(report: ExpiringReport): ExpiringReportDto {
  const iso = <T extends { readonly expiresAt: Date }>(row: T) => ({ ...row, expiresAt: row.expiresAt.toISOString() });
  return {
    withinDays: report.withinDays,
    asOf: report.asOf.toISOString(),
    profiles: report.profiles.map(iso),
    certificates: report.certificates.map(iso),
    apps: report.apps.map(iso),
    truncated: report.truncated,
  };
}
