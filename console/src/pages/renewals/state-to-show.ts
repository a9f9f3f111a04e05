import type { RolloutState, RolloutSummary } from '../../api/lifecycle-types';
import { stateCount } from './state-count';

/** The state a rollout's device list opens on: where attention is needed first. */
export function firstStateToShow(rollout: RolloutSummary): RolloutState {
  if (rollout.failed > 0) return 'failed';
  if (rollout.waitingUnlock > 0) return 'waiting_unlock';
  return rollout.pending > 0 ? 'pending' : 'installed';
}

/**
 * The state to list next while the admin has not picked one: the shown one as long as it has
 * devices (the list does not jump while it is read), else where attention is needed now, so a
 * finished rollout ends on its installed devices instead of an empty list.
 */
export function followStateToShow(shown: RolloutState, rollout: RolloutSummary): RolloutState {
  return stateCount(rollout, shown) > 0 ? shown : firstStateToShow(rollout);
}
