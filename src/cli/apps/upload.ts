import path from 'node:path';
import { uploadedAppSchema } from '../../http/routes/app.dto.js';
import { CLIENT_EXIT } from '../client/cli-error.js';
import { expiryText } from '../client/expiry-labels.js';
import { multipartBody, sizeFiles, type FormFile } from '../client/multipart-body.js';
import { OgDirectory } from '../client/og-directory.js';
import type { ClientContext } from '../client/run-client-command.js';
import { uploadWithProgress } from '../client/upload-with-progress.js';
import { appRow, versionLabel } from './app-row.js';

/** What `apps upload` was given besides the connection. */
export interface AppUploadOptions {
  readonly og: string;
  readonly profile?: string;
  readonly limitedDevices?: boolean;
  readonly json?: boolean;
}

/**
 * Uploads an .ipa (and the profile to run it under) into a group, streaming it from disk, and
 * reports the app, its new version and its renewal date.
 */
export async function uploadApp(context: ClientContext, ipaPath: string, options: AppUploadOptions): Promise<number> {
  const wanted: FormFile[] = [{ field: 'ipa', path: ipaPath }];
  if (options.profile !== undefined) wanted.push({ field: 'profile', path: options.profile });
  const files = await sizeFiles(wanted);
  const ogs = await OgDirectory.load(context.client);
  const og = ogs.resolve(options.og);
  const body = multipartBody({ og: String(og.id), limitedDevices: String(options.limitedDevices === true) }, files);
  const uploaded = await uploadWithProgress(context, 'apps', body, path.basename(ipaPath), uploadedAppSchema);
  const row = appRow(uploaded.app, uploaded.version, ogs);
  if (options.json === true) {
    context.io.stdout(`${JSON.stringify({ app: row, createdProfileIds: uploaded.createdProfileIds }, null, 2)}\n`);
  } else {
    const what = `${row.name} ${versionLabel(row.version)}, ${row.bundleId},`;
    context.io.stdout(`uploaded ${what} to ${og.path}: app ${row.id}, version ${uploaded.version.id}\n`);
    context.io.stdout(`renewal date: ${expiryText(row.effectiveExpiry, row.daysLeft)}\n`);
  }
  return CLIENT_EXIT.ok;
}
