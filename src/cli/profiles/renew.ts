import path from 'node:path';
import { renewalPlanSchema } from '../../http/routes/lifecycle.dto.js';
import { renewalSchema } from '../../http/routes/renewal.dto.js';
import { CLIENT_EXIT } from '../client/cli-error.js';
import { multipartBody, sizeFiles } from '../client/multipart-body.js';
import { OgDirectory } from '../client/og-directory.js';
import type { ClientContext } from '../client/run-client-command.js';
import { uploadWithProgress } from '../client/upload-with-progress.js';
import { planText, renewalText } from '../rollouts/rollout-text.js';
import { profileIdOf } from './show.js';

/** What `profiles renew` was given besides the connection. */
export interface ProfileRenewOptions {
  readonly allApps?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/**
 * Renews a profile with its replacement: `--dry-run` prints the checks' verdict and the plan;
 * otherwise the server applies it and starts the rollout. The same command again is harmless:
 * the server answers the renewal it already applied.
 */
export async function renewProfile(context: ClientContext, reference: string, file: string, options: ProfileRenewOptions): Promise<number> {
  const id = await profileIdOf(context.client, reference.trim(), await OgDirectory.load(context.client));
  const files = await sizeFiles([{ field: 'profile', path: file }]);
  const body = multipartBody({ applyToAllApps: String(options.allApps === true) }, files);
  const label = path.basename(file);
  if (options.dryRun === true) {
    const plan = await uploadWithProgress(context, `profiles/${id}/renewals?dryRun=true`, body, label, renewalPlanSchema);
    context.io.stdout(options.json === true ? `${JSON.stringify(plan, null, 2)}\n` : planText(plan));
    return CLIENT_EXIT.ok;
  }
  const renewal = await uploadWithProgress(context, `profiles/${id}/renewals?dryRun=false`, body, label, renewalSchema);
  if (options.json === true) {
    context.io.stdout(`${JSON.stringify(renewal, null, 2)}\n`);
  } else {
    context.io.stdout(renewalText(renewal));
    context.io.stdout(`follow the rollout: provisio rollouts show ${renewal.id} --wait 600\n`);
  }
  return CLIENT_EXIT.ok;
}
