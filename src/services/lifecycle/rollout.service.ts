import { summarizeRollout, type RolloutState, type RolloutSummary } from '../../domain/rollout.js';
import type { Database } from '../../store/database.js';
import type { Page, PageRequest } from '../../store/pagination.js';
import type { Renewal, RolloutDevice } from '../../store/renewal.repository.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { found, listingScope } from '../catalog/scope-checks.js';
import type { CommandPushes } from './renewal-apply.service.js';

/** A renewal with where its rollout stands now. */
export interface RenewalProgress {
  readonly renewal: Renewal;
  readonly rollout: RolloutSummary;
}

export interface RolloutServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly pushes: CommandPushes;
}

/**
 * Reading rollouts and retrying failed devices. Progress is computed from the queue and the
 * devices' reported profiles on every read; the first read that finds a rollout complete records
 * its final counts, after which the queue rows behind them may be pruned.
 */
export class RolloutService {
  /** Recent counts of large rollouts: counting a million devices takes seconds, and consoles poll. */
  readonly #recent = new Map<number, { readonly at: number; readonly rollout: RolloutSummary }>();

  constructor(private readonly deps: RolloutServiceDeps) {}

  async get(caller: Caller, id: number): Promise<RenewalProgress> {
    const renewal = found(await this.deps.database.repositories.renewals.get(caller.actor.scope, id), 'renewal');
    return this.#progress(renewal);
  }

  /** Renewals of the OG (default: the caller's) and below, newest first. */
  async list(caller: Caller, options: { readonly ogId?: number; readonly active?: boolean }): Promise<RenewalProgress[]> {
    const { repositories } = this.deps.database;
    const scope = await listingScope(repositories, caller, options.ogId);
    const renewals = await repositories.renewals.list(scope, { active: options.active });
    const progress: RenewalProgress[] = [];
    for (const renewal of renewals) {
      const current = await this.#progress(renewal);
      // A rollout found complete just now is no longer active.
      if (options.active !== true || !current.rollout.complete) progress.push(current);
    }
    return progress;
  }

  async devices(caller: Caller, id: number, state: RolloutState | undefined, page: PageRequest): Promise<Page<RolloutDevice>> {
    const { renewals } = this.deps.database.repositories;
    const renewal = found(await renewals.get(caller.actor.scope, id), 'renewal');
    return renewals.rolloutDevices(renewal, state, page);
  }

  /** Queues the install again for the devices that answered Error, and pushes them. */
  async retryFailed(caller: Caller, id: number): Promise<RenewalProgress> {
    const renewal = await this.deps.database.transaction(async (repositories) => {
      const current = found(await repositories.renewals.get(caller.actor.scope, id), 'renewal');
      const devices = await repositories.renewals.retryFailed(current, this.deps.clock.now());
      if (devices.length > 0) {
        await this.deps.audit.record(repositories, caller, {
          action: 'renewal.retry',
          objectType: 'renewal',
          objectId: current.id,
          ogId: current.ogId,
          details: { devices: devices.length },
        });
      }
      return current;
    });
    this.deps.pushes.schedule(renewal.installCommandId);
    this.#recent.delete(renewal.id);
    return this.#progress(renewal);
  }

  async #progress(renewal: Renewal): Promise<RenewalProgress> {
    if (renewal.finalRollout !== undefined) return { renewal, rollout: summarizeRollout(renewal.finalRollout) };
    const now = this.deps.clock.now().getTime();
    const recent = this.#recent.get(renewal.id);
    if (recent !== undefined && now - recent.at < countsMaxAgeMs(renewal.deviceCount)) return { renewal, rollout: recent.rollout };
    const { renewals } = this.deps.database.repositories;
    const rollout = summarizeRollout(await renewals.rolloutCounts(renewal));
    if (rollout.complete) await renewals.complete(renewal.id, rollout, this.deps.clock.now());
    this.#recent.set(renewal.id, { at: now, rollout });
    return { renewal, rollout };
  }
}

/** How stale counts may be: fresh for ordinary fleets, a second per 100,000 devices above 50,000. */
export function countsMaxAgeMs(devices: number): number {
  return devices < 50_000 ? 0 : Math.min(30_000, Math.ceil(devices / 100_000) * 1000);
}
