import type { RolloutState, RolloutSummary } from '../../api/lifecycle-types';

/** How many devices of a rollout are in `state`. */
export function stateCount(rollout: RolloutSummary, state: RolloutState): number {
  switch (state) {
    case 'installed':
      return rollout.installed;
    case 'pending':
      return rollout.pending;
    case 'waiting_unlock':
      return rollout.waitingUnlock;
    case 'failed':
      return rollout.failed;
  }
}
