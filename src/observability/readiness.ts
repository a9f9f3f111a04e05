import type { Database } from '../store/database.js';
import { withTimeout } from './with-timeout.js';

/** Whether the server can do its work, and if not, why. */
export interface Readiness {
  readonly ready: boolean;
  readonly problems: readonly string[];
}

/** A database that does not answer within this time counts as unreachable. */
const CHECK_TIMEOUT_MS = 3_000;

/** Ready when the database answers and every migration has been applied. */
export async function checkReadiness(
  database: Pick<Database, 'migrationStatus'>,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  try {
    const status = await withTimeout(database.migrationStatus(), timeoutMs, `no answer within ${timeoutMs} ms`);
    const problems = status.pending.length === 0 ? [] : [`migrations not applied: ${status.pending.join(', ')}`];
    return { ready: problems.length === 0, problems };
  } catch (error) {
    return { ready: false, problems: [`database unreachable: ${(error as Error).message}`] };
  }
}
