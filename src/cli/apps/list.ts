import type { z } from 'zod';
import { appSchema, appVersionPageSchema, type appVersionSchema } from '../../http/routes/app.dto.js';
import type { ApiClient } from '../client/api-client.js';
import { CLIENT_EXIT } from '../client/cli-error.js';
import { expiringSummary } from '../client/expiry-labels.js';
import { mapConcurrently } from '../client/map-concurrently.js';
import { OgDirectory } from '../client/og-directory.js';
import { fetchAllPages } from '../client/paging.js';
import type { ClientContext } from '../client/run-client-command.js';
import { appRow, appTable } from './app-row.js';

/** What `apps list` was given besides the connection. */
export interface AppListOptions {
  readonly og?: string;
  readonly expiringWithin?: number;
  readonly json?: boolean;
}

/** Requests for versions in flight at once. */
const VERSION_LOOKUPS = 8;

/**
 * Lists the apps in scope (of one group and below with `og`), every page, with each app's newest
 * version. With `expiringWithin`, lists only apps that stop within that many days, soonest
 * first, and exits 3 when there is any, so a CI job fails before its users' apps do.
 */
export async function listApps(context: ClientContext, options: AppListOptions): Promise<number> {
  const { client, io } = context;
  const ogs = await OgDirectory.load(client);
  const og = options.og === undefined ? undefined : ogs.resolve(options.og);
  const expiring = options.expiringWithin;
  const query = { og: og?.id, expiringWithin: expiring, sort: expiring === undefined ? 'name' : 'expiry' };
  const apps = await fetchAllPages(client, 'apps', appSchema, query);
  const versions = await mapConcurrently(apps, VERSION_LOOKUPS, (app) => newestVersion(client, app.id));
  const rows = apps.map((app, index) => appRow(app, versions[index] ?? null, ogs));
  if (options.json === true) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout(rows.length === 0 ? 'no apps\n' : appTable(rows, ogs));
  if (expiring === undefined || rows.length === 0) return CLIENT_EXIT.ok;
  io.stderr(`${expiringSummary(rows.length, 'app', expiring)}\n`);
  return CLIENT_EXIT.expiring;
}

async function newestVersion(client: ApiClient, appId: number): Promise<z.output<typeof appVersionSchema> | null> {
  const page = await client.get(`apps/${appId}/versions`, appVersionPageSchema, { limit: 1 });
  return page.items[0] ?? null;
}
