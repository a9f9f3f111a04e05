import { describe, expect, it } from 'vitest';
import { finishedLine, formatBytes, formatRate, progressLine, renderBar } from './progress-format.js';

describe('progress formatting', () => {
  it('shows sizes in decimal units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_000)).toBe('1.0 kB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(4 * 1024 ** 3)).toBe('4.3 GB');
  });

  it('shows rates per second, and none before time has passed', () => {
    expect(formatRate(5_000_000, 2_000)).toBe('2.5 MB/s');
    expect(formatRate(5_000_000, 0)).toBe('-');
  });

  it('draws a bar of the asked width at any fraction', () => {
    expect(renderBar(0, 10)).toBe('[>         ]');
    expect(renderBar(0.5, 10)).toBe('[=====>    ]');
    expect(renderBar(1, 10)).toBe('[==========]');
    expect(renderBar(7, 4)).toBe('[====]');
  });

  it('fits the live line to the terminal, dropping the bar when it is narrow', () => {
    const snapshot = { label: 'Field.ipa', sentBytes: 1_500_000_000, totalBytes: 3_000_000_000, elapsedMs: 30_000 };
    const wide = progressLine(snapshot, 120);
    expect(wide).toBe('Field.ipa [===============>              ]  50%  1.5 GB / 3.0 GB  50.0 MB/s');
    const narrow = progressLine(snapshot, 40);
    expect(narrow).not.toContain('[');
    expect(narrow.length).toBeLessThan(40);
    expect(progressLine({ ...snapshot, sentBytes: 0, totalBytes: 0 }, 120)).toContain('100%');
  });

  it('sums an upload up in one plain line', () => {
    expect(finishedLine('Field.ipa', 3_000_000_000, 60_000)).toBe('uploaded Field.ipa: 3.0 GB in 60.0 s (50.0 MB/s)');
  });
});
