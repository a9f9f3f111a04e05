import { homedir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { CliIo } from '../io.js';
import { expandPaths } from '../../io/walk-files.js';
import { loadTrustAnchors, rememberRoots } from '../../io/trust-store.js';
import { inspectFiles, isInspectableName, learnedRoots } from '../../services/inspect.service.js';
import { expiringItems } from './expiring.js';
import { inspectedFileToJson } from './to-json.js';
import { inspectedFileToText } from './to-text.js';

/** Exit statuses a CI job can rely on. */
export const INSPECT_EXIT = { ok: 0, rejected: 1, usage: 2, expiring: 3 } as const;

interface InspectOptions {
  readonly json?: boolean;
  readonly expiringWithin?: number;
  readonly asOf?: Date;
  readonly trustStore: string;
  readonly anchors?: string;
}

export function inspectCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('inspect')
    .description('Read provisioning profiles and IPAs: type, app id, team, expiry, signature, certificates')
    .argument('<paths...>', 'files, or directories searched for .ipa, .mobileprovision and .provisionprofile')
    .option('--json', 'print a JSON array, one object per file')
    .option('--expiring-within <days>', 'exit 3 when anything inspected expires within DAYS (or has expired)', parseDays)
    .option('--as-of <date>', 'judge expiry as of this date instead of now', parseDate)
    .option('--trust-store <dir>', 'folder of learned Apple roots', defaultTrustStore())
    .option('--anchors <pem>', 'extra trusted root certificates (PEM file)')
    .action(async (paths: string[], options: InspectOptions) => {
      setExitCode(await runInspect(paths, options, io));
    });
}

async function runInspect(paths: readonly string[], options: InspectOptions, io: CliIo): Promise<number> {
  const now = options.asOf ?? new Date();
  const trust = await loadTrustAnchors(options.trustStore, { extraPemFile: options.anchors });
  let files: string[];
  try {
    files = await expandPaths(paths, isInspectableName);
  } catch (error) {
    io.stderr(`provisio inspect: ${(error as Error).message}\n`);
    return INSPECT_EXIT.usage;
  }
  const results = await inspectFiles(files, trust);
  await rememberRoots(options.trustStore, results.flatMap(learnedRoots));

  if (options.json) io.stdout(JSON.stringify(results.map(inspectedFileToJson), null, 2) + '\n');
  else io.stdout(results.map((result) => inspectedFileToText(result, now)).join('\n\n') + '\n');

  if (results.some((result) => result.kind === 'error')) return INSPECT_EXIT.rejected;
  if (options.expiringWithin === undefined) return INSPECT_EXIT.ok;
  const expiring = results.flatMap((result) => expiringItems(result, now, options.expiringWithin ?? 0));
  for (const item of expiring) io.stderr(`expiring within ${options.expiringWithin} days: ${item}\n`);
  return expiring.length > 0 ? INSPECT_EXIT.expiring : INSPECT_EXIT.ok;
}

function defaultTrustStore(): string {
  const cache = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(cache, 'provisio', 'trust');
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0) throw new InvalidArgumentError('expected a whole number of days');
  return days;
}

function parseDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError('expected a date such as 2027-01-31');
  return date;
}
