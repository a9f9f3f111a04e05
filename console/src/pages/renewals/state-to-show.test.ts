import { describe, expect, it } from 'vitest';
import type { RolloutSummary } from '../../api/lifecycle-types';
import { firstStateToShow, followStateToShow } from './state-to-show';

function rollout(counts: Partial<Pick<RolloutSummary, 'pending' | 'waitingUnlock' | 'failed' | 'installed'>>): RolloutSummary {
  const full = { pending: 0, waitingUnlock: 0, failed: 0, installed: 0, ...counts };
  const total = full.pending + full.waitingUnlock + full.failed + full.installed;
  return { ...full, total, oldRemoved: full.installed, percent: total === 0 ? 100 : Math.floor((full.installed * 100) / total), complete: full.installed === total };
}

describe('the rollout state a device list shows', () => {
  it('opens where attention is needed first: failed, then locked, then pending', () => {
    expect(firstStateToShow(rollout({ failed: 1, waitingUnlock: 2, pending: 3 }))).toBe('failed');
    expect(firstStateToShow(rollout({ waitingUnlock: 2, pending: 3 }))).toBe('waiting_unlock');
    expect(firstStateToShow(rollout({ pending: 3, installed: 4 }))).toBe('pending');
    expect(firstStateToShow(rollout({ installed: 4 }))).toBe('installed');
  });

  it('stays on the shown state while it has devices, even when another one needs attention sooner', () => {
    expect(followStateToShow('pending', rollout({ pending: 1, failed: 2 }))).toBe('pending');
  });

  it('moves on once the shown state has emptied, ending on the installed devices', () => {
    expect(followStateToShow('pending', rollout({ waitingUnlock: 4, installed: 46 }))).toBe('waiting_unlock');
    expect(followStateToShow('waiting_unlock', rollout({ installed: 50 }))).toBe('installed');
  });
});
