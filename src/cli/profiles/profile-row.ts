import type { z } from 'zod';
import type { profileSchema } from '../../http/routes/profile.dto.js';
import { daysLeftLabel, dayOf } from '../client/expiry-labels.js';
import type { OgDirectory, OgEntry } from '../client/og-directory.js';
import { renderTable, type Column } from '../client/text-table.js';

/** A profile as the API lists it. */
export type ProfileDto = z.output<typeof profileSchema>;

/**
 * One profile as `profiles list --json` prints it. The shape is part of the CLI's contract with
 * CI scripts: fields are only ever added.
 */
export interface ProfileRow {
  readonly id: number;
  readonly uuid: string;
  readonly name: string;
  readonly type: ProfileDto['type'];
  readonly applicationIdentifier: string;
  readonly bundleId: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly og: OgEntry;
  readonly expirationDate: string;
  readonly daysLeft: number;
  readonly status: ProfileDto['status'];
  readonly supersededBy: number | null;
  readonly signatureStatus: ProfileDto['signatureStatus'];
  readonly deviceCount: number;
  readonly lineageVersion: number;
}

/** The group of `ogId` as rows show it, even when the caller's tree lacks it. */
export function ogOf(ogs: OgDirectory, ogId: number): OgEntry {
  return ogs.get(ogId) ?? { id: ogId, name: `#${ogId}`, path: `#${ogId}` };
}

/** The row of `profile`, with its group's name and path. */
export function profileRow(profile: ProfileDto, ogs: OgDirectory): ProfileRow {
  const { id, uuid, name, type, applicationIdentifier, bundleId, teamId, teamName, expirationDate, daysLeft } = profile;
  const { status, supersededBy, signatureStatus, deviceCount, lineageVersion } = profile;
  const og = ogOf(ogs, profile.ogId);
  return { id, uuid, name, type, applicationIdentifier, bundleId, teamId, teamName, og, expirationDate, daysLeft, status, supersededBy, signatureStatus, deviceCount, lineageVersion };
}

const COLUMNS: readonly Column[] = [
  { header: 'ID', align: 'right' },
  { header: 'NAME' },
  { header: 'TYPE' },
  { header: 'APP ID' },
  { header: 'UUID' },
  { header: 'OG' },
  { header: 'EXPIRES' },
  { header: 'DAYS LEFT', align: 'right' },
  { header: 'STATUS' },
];

/** The profiles as a text table. */
export function profileTable(rows: readonly ProfileRow[], ogs: OgDirectory): string {
  const cells = rows.map((row) => [
    String(row.id),
    row.name,
    row.type,
    row.applicationIdentifier,
    row.uuid,
    ogs.label(row.og.id),
    dayOf(row.expirationDate),
    daysLeftLabel(row.daysLeft),
    row.status,
  ]);
  return renderTable(COLUMNS, cells);
}
