import { expiringReportSchema } from '../../http/routes/expiring.dto.js';
import { CLIENT_EXIT } from '../client/cli-error.js';
import { OgDirectory } from '../client/og-directory.js';
import type { ClientContext } from '../client/run-client-command.js';
import { expiringJson, expiringText } from './report.js';

/** What `provisio expiring` was given besides the connection. */
export interface ExpiringOptions {
  readonly within: number;
  readonly og?: string;
  readonly json?: boolean;
}

/** Fetches the report (of one group and below with `og`) and prints it as tables or JSON. */
export async function listExpiring(context: ClientContext, options: ExpiringOptions): Promise<number> {
  const { client, io } = context;
  const ogs = await OgDirectory.load(client);
  const og = options.og === undefined ? undefined : ogs.resolve(options.og);
  const report = await client.get('expiring', expiringReportSchema, { within: options.within, og: og?.id });
  io.stdout(options.json === true ? `${JSON.stringify(expiringJson(report, ogs), null, 2)}\n` : expiringText(report, ogs));
  if (report.truncated) io.stderr('provisio expiring: only the soonest 5,000 of a kind are listed; narrow it with --og or --within\n');
  return CLIENT_EXIT.ok;
}
