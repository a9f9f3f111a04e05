import { profileSchema } from '../../http/routes/profile.dto.js';
import { CLIENT_EXIT } from '../client/cli-error.js';
import { expiringSummary } from '../client/expiry-labels.js';
import { OgDirectory } from '../client/og-directory.js';
import { fetchAllPages } from '../client/paging.js';
import type { ClientContext } from '../client/run-client-command.js';
import { profileRow, profileTable } from './profile-row.js';

/** What `profiles list` was given besides the connection. */
export interface ProfileListOptions {
  readonly og?: string;
  readonly expiringWithin?: number;
  readonly json?: boolean;
}

/**
 * Lists the profiles in scope, soonest expiry first, every page. With `expiringWithin`, only
 * those expiring within that many days, exiting 3 when there is any.
 */
export async function listProfiles(context: ClientContext, options: ProfileListOptions): Promise<number> {
  const { client, io } = context;
  const ogs = await OgDirectory.load(client);
  const og = options.og === undefined ? undefined : ogs.resolve(options.og);
  const expiring = options.expiringWithin;
  const profiles = await fetchAllPages(client, 'profiles', profileSchema, { og: og?.id, expiringWithin: expiring, sort: 'expiry' });
  const rows = profiles.map((profile) => profileRow(profile, ogs));
  if (options.json === true) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout(rows.length === 0 ? 'no profiles\n' : profileTable(rows, ogs));
  if (expiring === undefined || rows.length === 0) return CLIENT_EXIT.ok;
  io.stderr(`${expiringSummary(rows.length, 'profile', expiring)}\n`);
  return CLIENT_EXIT.expiring;
}
