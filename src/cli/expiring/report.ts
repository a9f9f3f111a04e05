import type { ExpiringReportDto } from '../../http/routes/expiring.dto.js';
import { daysLeftLabel, dayOf } from '../client/expiry-labels.js';
import type { OgDirectory, OgEntry } from '../client/og-directory.js';
import { renderTable, type Column } from '../client/text-table.js';

/**
 * The report as `expiring --json` prints it: the server's, with each group named. The shape is
 * part of the CLI's contract with CI scripts: fields are only ever added.
 */
export function expiringJson(report: ExpiringReportDto, ogs: OgDirectory) {
  const named = <T extends { readonly ogId: number }>({ ogId, ...row }: T) => ({ ...row, og: entryOf(ogId, ogs) });
  return {
    withinDays: report.withinDays,
    asOf: report.asOf,
    profiles: report.profiles.map(named),
    certificates: report.certificates.map(named),
    apps: report.apps.map(named),
    truncated: report.truncated,
  };
}

function entryOf(ogId: number, ogs: OgDirectory): OgEntry {
  return ogs.get(ogId) ?? { id: ogId, name: `#${ogId}`, path: `#${ogId}` };
}

const right = { align: 'right' } as const;
const PROFILE_COLUMNS: readonly Column[] = [{ header: 'PROFILE' }, { header: 'UUID' }, { header: 'OG' }, { header: 'EXPIRES' }, { header: 'DAYS LEFT', ...right }, { header: 'APPS', ...right }, { header: 'DEVICES', ...right }];
const CERTIFICATE_COLUMNS: readonly Column[] = [{ header: 'CERTIFICATE' }, { header: 'OG' }, { header: 'EXPIRES' }, { header: 'DAYS LEFT', ...right }, { header: 'APPS', ...right }, { header: 'DEVICES', ...right }];
const APP_COLUMNS: readonly Column[] = [{ header: 'APP' }, { header: 'BUNDLE ID' }, { header: 'OG' }, { header: 'EXPIRES' }, { header: 'DAYS LEFT', ...right }, { header: 'DEVICES', ...right }];

/** Three tables (profiles, certificates, apps), soonest first, each said to be empty when it is. */
export function expiringText(report: ExpiringReportDto, ogs: OgDirectory): string {
  const when = (row: { readonly ogId: number; readonly expiresAt: string; readonly daysLeft: number }) => [ogs.label(row.ogId), dayOf(row.expiresAt), daysLeftLabel(row.daysLeft)];
  const sections = [
    section('profiles', PROFILE_COLUMNS, report.profiles.map((row) => [row.name, row.uuid, ...when(row), String(row.apps), String(row.devices)])),
    section('certificates', CERTIFICATE_COLUMNS, report.certificates.map((row) => [row.commonName, ...when(row), String(row.apps), String(row.devices)])),
    section('apps', APP_COLUMNS, report.apps.map((row) => [row.name, row.bundleId, ...when(row), String(row.devices)])),
  ];
  return `Expiring within ${report.withinDays} days or expired, as of ${dayOf(report.asOf)}:\n\n${sections.join('\n')}`;
}

function section(noun: string, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  return rows.length === 0 ? `no ${noun}\n` : renderTable(columns, rows);
}
