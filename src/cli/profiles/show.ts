import { profileDetailSchema, profileSchema } from '../../http/routes/profile.dto.js';
import type { ApiClient } from '../client/api-client.js';
import { CLIENT_EXIT, requestFailed, usageError } from '../client/cli-error.js';
import { OgDirectory } from '../client/og-directory.js';
import { fetchAllPages } from '../client/paging.js';
import type { ClientContext } from '../client/run-client-command.js';
import { ogOf } from './profile-row.js';
import { profileDetailText } from './profile-text.js';

/** What `profiles show` was given besides the connection. */
export interface ProfileShowOptions {
  readonly json?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shows one profile, by id or UUID, with its certificates, lineage and the apps that share it. */
export async function showProfile(context: ClientContext, reference: string, options: ProfileShowOptions): Promise<number> {
  const { client, io } = context;
  const ogs = await OgDirectory.load(client);
  const id = await profileIdOf(client, reference.trim(), ogs);
  const detail = await client.get(`profiles/${id}`, profileDetailSchema);
  const og = ogOf(ogs, detail.ogId);
  if (options.json === true) io.stdout(`${JSON.stringify({ ...detail, og }, null, 2)}\n`);
  else io.stdout(profileDetailText(detail, og));
  return CLIENT_EXIT.ok;
}

/**
 * The id a reference names. A UUID is looked up with the listing's UUID filter; the same UUID
 * may be stored in several groups, and then the user must pick one by id.
 */
export async function profileIdOf(client: ApiClient, reference: string, ogs: OgDirectory): Promise<number> {
  if (/^[1-9]\d{0,14}$/.test(reference)) return Number(reference);
  if (!UUID.test(reference)) throw usageError(`"${reference}" is neither a profile id nor a UUID`);
  const matches = await fetchAllPages(client, 'profiles', profileSchema, { uuid: reference });
  const [only, ...others] = matches;
  if (only === undefined) throw requestFailed(`no profile with UUID ${reference} in your scope`);
  if (others.length > 0) {
    const lines = matches.map((profile) => `- id ${profile.id} in ${ogOf(ogs, profile.ogId).path}`);
    throw requestFailed(`${matches.length} groups hold a profile with UUID ${reference}; show one by id:`, lines);
  }
  return only.id;
}
