import type { z } from 'zod';
import type { profileDetailSchema } from '../../http/routes/profile.dto.js';
import { dayOf, expiryText } from '../client/expiry-labels.js';
import type { OgEntry } from '../client/og-directory.js';
import { renderFields } from '../client/text-table.js';

type ProfileDetailDto = z.output<typeof profileDetailSchema>;
type Field = readonly [label: string, value: string];

/** `profiles show` for people: the profile's facts, then its certificates, lineage and users. */
export function profileDetailText(detail: ProfileDetailDto, og: OgEntry): string {
  return renderFields([
    ['Profile', `${detail.name} (${detail.uuid})`],
    ['Id', String(detail.id)],
    ['Type', detail.type],
    ['App ID', detail.applicationIdentifier + (detail.wildcard ? ' (wildcard)' : '')],
    ['Team', `${detail.teamName} (${detail.teamId})`],
    ['OG', `${og.path} (id ${og.id})`],
    ['Created', dayOf(detail.creationDate)],
    ['Expires', expiryText(detail.expirationDate, detail.daysLeft)],
    ['Status', detail.supersededBy === null ? detail.status : `${detail.status} by profile ${detail.supersededBy}`],
    ['Signature', detail.signatureStatus],
    ['Devices', devicesText(detail)],
    ...listed('Certificates', detail.certificates.map((certificate) => `${certificate.commonName}, expires ${dayOf(certificate.notAfter)} (sha256 ${certificate.sha256.slice(0, 16)}…)`)),
    ...listed('Lineage', detail.lineage.map((entry) => `v${entry.lineageVersion} id ${entry.id} ${entry.uuid} ${entry.status}, expires ${dayOf(entry.expirationDate)}`)),
    ...listed('Used by', detail.sharedBy.map((usage) => `${usage.appName} ${usage.shortVersion} (${usage.build}) ${usage.bundleId} [${usage.versionStatus}]`)),
  ]);
}

function devicesText(detail: ProfileDetailDto): string {
  if (detail.type === 'enterprise' || detail.type === 'developer-id') return 'all devices';
  return `${detail.deviceCount} listed`;
}

/** One field per line of `values`, labelled on the first; `none` when empty. */
function listed(label: string, values: readonly string[]): Field[] {
  if (values.length === 0) return [[label, 'none']];
  return values.map((value, index): Field => [index === 0 ? label : '', value]);
}
