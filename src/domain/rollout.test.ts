import { describe, expect, it } from 'vitest';
import { rolloutStateOf, summarizeRollout } from './rollout.js';

describe('rollout summary', () => {
  it('rounds the installed share down so 100 means every device', () => {
    const summary = summarizeRollout({ total: 3, pending: 1, waitingUnlock: 0, failed: 0, installed: 2, oldRemoved: 2 });
    expect(summary.percent).toBe(66);
    expect(summary.complete).toBe(false);
    expect(summarizeRollout({ total: 1000, pending: 1, waitingUnlock: 0, failed: 0, installed: 999, oldRemoved: 999 }).percent).toBe(99);
  });

  it('is complete only when every device holds the new profile and dropped the old one', () => {
    expect(summarizeRollout({ total: 2, pending: 0, waitingUnlock: 0, failed: 0, installed: 2, oldRemoved: 1 }).complete).toBe(false);
    expect(summarizeRollout({ total: 2, pending: 0, waitingUnlock: 0, failed: 0, installed: 2, oldRemoved: 2 }).complete).toBe(true);
    expect(summarizeRollout({ total: 0, pending: 0, waitingUnlock: 0, failed: 0, installed: 0, oldRemoved: 0 })).toMatchObject({ percent: 100, complete: true });
  });

  it('derives the device state, the proof of the new UUID winning over any queue status', () => {
    expect(rolloutStateOf('error', true)).toBe('installed');
    expect(rolloutStateOf('not_now', false)).toBe('waiting_unlock');
    expect(rolloutStateOf('format_error', false)).toBe('failed');
    expect(rolloutStateOf('sent', false)).toBe('pending');
    expect(rolloutStateOf('acknowledged', false)).toBe('pending');
  });
});
