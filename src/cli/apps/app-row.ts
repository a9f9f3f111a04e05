import type { z } from 'zod';
import type { appSchema, appVersionSchema } from '../../http/routes/app.dto.js';
import { daysLeftLabel, dayOf } from '../client/expiry-labels.js';
import type { OgDirectory, OgEntry } from '../client/og-directory.js';
import { renderTable, type Column } from '../client/text-table.js';

type AppDto = z.output<typeof appSchema>;
type VersionDto = z.output<typeof appVersionSchema>;

/**
 * One app as `apps list --json` prints it. The shape is part of the CLI's contract with CI
 * scripts: fields are only ever added.
 */
export interface AppRow {
  readonly id: number;
  readonly name: string;
  readonly bundleId: string;
  readonly platform: string;
  readonly og: OgEntry;
  /** The newest uploaded version; null when the server lists none. */
  readonly version: { readonly id: number; readonly shortVersion: string; readonly build: string; readonly status: string; readonly uploadedAt: string } | null;
  /** When the app stops launching unless renewed (the renewal date); null when nothing expires. */
  readonly effectiveExpiry: string | null;
  readonly daysLeft: number | null;
}

/** The row of `app`, with its newest version and its group's name. */
export function appRow(app: AppDto, version: VersionDto | null, ogs: OgDirectory): AppRow {
  return {
    id: app.id,
    name: app.name,
    bundleId: app.bundleId,
    platform: app.platform,
    og: ogs.get(app.ogId) ?? { id: app.ogId, name: `#${app.ogId}`, path: `#${app.ogId}` },
    version: version === null ? null : pickVersion(version),
    effectiveExpiry: app.effectiveExpiry,
    daysLeft: app.daysLeft,
  };
}

function pickVersion({ id, shortVersion, build, status, uploadedAt }: VersionDto): NonNullable<AppRow['version']> {
  return { id, shortVersion, build, status, uploadedAt };
}

/** "2.1 (210)". */
export function versionLabel(version: AppRow['version']): string {
  return version === null ? '-' : `${version.shortVersion} (${version.build})`;
}

const COLUMNS: readonly Column[] = [
  { header: 'NAME' },
  { header: 'BUNDLE ID' },
  { header: 'VERSION' },
  { header: 'OG' },
  { header: 'RENEWAL DATE' },
  { header: 'DAYS LEFT', align: 'right' },
];

/** The apps as a text table. */
export function appTable(rows: readonly AppRow[], ogs: OgDirectory): string {
  const cells = rows.map((row) => [
    row.name,
    row.bundleId,
    versionLabel(row.version),
    ogs.label(row.og.id),
    dayOf(row.effectiveExpiry),
    daysLeftLabel(row.daysLeft),
  ]);
  return renderTable(COLUMNS, cells);
}
