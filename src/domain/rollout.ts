/**
 * Where one device stands in a renewal's rollout:
 * - `pending`: the install is queued or was handed over, and no list has proved it yet;
 * - `waiting_unlock`: the device answered NotNow (locked); it is offered again on its next connection;
 * - `failed`: the device answered Error; its ErrorChain says why; an admin can retry;
 * - `installed`: the device's ProvisioningProfileList shows the new UUID.
 */
export type RolloutState = 'pending' | 'waiting_unlock' | 'failed' | 'installed';

export const ROLLOUT_STATES: readonly RolloutState[] = ['pending', 'waiting_unlock', 'failed', 'installed'];

/** How far a renewal got across its devices. */
export interface RolloutSummary {
  readonly total: number;
  readonly pending: number;
  readonly waitingUnlock: number;
  readonly failed: number;
  readonly installed: number;
  /** Installed devices whose last list no longer shows the old UUID. */
  readonly oldRemoved: number;
  /** Installed share, 0 to 100, rounded down so 100 means every device. */
  readonly percent: number;
  /** Every device holds the new profile and no longer the old one. */
  readonly complete: boolean;
}

/** Counts per state as the store reads them. */
export type RolloutCounts = Omit<RolloutSummary, 'percent' | 'complete'>;

export function summarizeRollout(counts: RolloutCounts): RolloutSummary {
  const percent = counts.total === 0 ? 100 : Math.floor((counts.installed * 100) / counts.total);
  return { ...counts, percent, complete: counts.installed === counts.total && counts.oldRemoved === counts.total };
}

/** The state of a device from its install command's queue status and whether its last list shows the new UUID. */
export function rolloutStateOf(queueStatus: string, holdsNewProfile: boolean): RolloutState {
  if (holdsNewProfile) return 'installed';
  if (queueStatus === 'not_now') return 'waiting_unlock';
  if (queueStatus === 'error' || queueStatus === 'format_error') return 'failed';
  return 'pending';
}
