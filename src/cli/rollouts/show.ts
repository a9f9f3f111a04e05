import { renewalSchema, rolloutDeviceSchema } from '../../http/routes/renewal.dto.js';
import { pageOf } from '../../http/schemas.js';
import { CLIENT_EXIT, usageError } from '../client/cli-error.js';
import type { ClientContext } from '../client/run-client-command.js';
import { renewalText } from './rollout-text.js';

/** What `rollouts show` was given besides the connection. */
export interface RolloutShowOptions {
  readonly json?: boolean;
  /** Poll until the rollout completes, for at most this many seconds. */
  readonly wait?: number;
}

const FAILED_SHOWN = 20;
const POLL_MS = 2000;

/**
 * Shows a renewal's rollout, with the first failed devices and their ErrorChain. With `wait`,
 * polls until it completes; exits 1 when it did not complete in time.
 */
export async function showRollout(context: ClientContext, reference: string, options: RolloutShowOptions): Promise<number> {
  if (!/^[1-9]\d{0,14}$/.test(reference)) throw usageError(`"${reference}" is not a renewal id`);
  const { client, io } = context;
  const deadline = Date.now() + (options.wait ?? 0) * 1000;
  let renewal = await client.get(`renewals/${reference}`, renewalSchema);
  while (!renewal.rollout.complete && Date.now() < deadline) {
    if (options.json !== true) io.stderr(`${renewal.rollout.installed}/${renewal.rollout.total} installed (${renewal.rollout.percent}%)\n`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    renewal = await client.get(`renewals/${reference}`, renewalSchema);
  }
  const failed = renewal.rollout.failed === 0 ? [] : (await client.get(`renewals/${reference}/devices`, pageOf(rolloutDeviceSchema), { state: 'failed', limit: FAILED_SHOWN })).items;
  if (options.json === true) io.stdout(`${JSON.stringify({ ...renewal, failedDevices: failed }, null, 2)}\n`);
  else io.stdout(renewalText(renewal, failed));
  return options.wait !== undefined && !renewal.rollout.complete ? CLIENT_EXIT.failed : CLIENT_EXIT.ok;
}
