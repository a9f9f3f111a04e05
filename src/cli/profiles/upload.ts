import path from 'node:path';
import { uploadedProfileSchema } from '../../http/routes/profile.dto.js';
import { CLIENT_EXIT } from '../client/cli-error.js';
import { expiryText } from '../client/expiry-labels.js';
import { multipartBody, sizeFiles } from '../client/multipart-body.js';
import { OgDirectory } from '../client/og-directory.js';
import type { ClientContext } from '../client/run-client-command.js';
import { uploadWithProgress } from '../client/upload-with-progress.js';
import { profileRow } from './profile-row.js';

/** What `profiles upload` was given besides the connection. */
export interface ProfileUploadOptions {
  readonly og: string;
  readonly json?: boolean;
}

/**
 * Uploads a .mobileprovision into a group. Uploading a UUID the group already holds is not an
 * error: the server keeps the stored one, and the output says so.
 */
export async function uploadProfile(context: ClientContext, file: string, options: ProfileUploadOptions): Promise<number> {
  const files = await sizeFiles([{ field: 'profile', path: file }]);
  const ogs = await OgDirectory.load(context.client);
  const og = ogs.resolve(options.og);
  const body = multipartBody({ og: String(og.id) }, files);
  const uploaded = await uploadWithProgress(context, 'profiles', body, path.basename(file), uploadedProfileSchema);
  const row = profileRow(uploaded.profile, ogs);
  if (options.json === true) {
    context.io.stdout(`${JSON.stringify({ profile: row, created: uploaded.created }, null, 2)}\n`);
  } else {
    const verb = uploaded.created ? 'uploaded' : 'already stored:';
    context.io.stdout(`${verb} profile ${row.name} (${row.uuid}) in ${og.path}: id ${row.id}, ${row.type}, version ${row.lineageVersion}\n`);
    context.io.stdout(`expires: ${expiryText(row.expirationDate, row.daysLeft)}\n`);
  }
  return CLIENT_EXIT.ok;
}
