import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from './latency.js';

describe('LatencyRecorder', () => {
  it('reports nearest-rank percentiles over every sample, growing past its first buffer', () => {
    const recorder = new LatencyRecorder();
    for (let value = 5000; value >= 1; value--) recorder.record(value);
    expect(recorder.count).toBe(5000);
    expect(recorder.percentiles([50, 95, 100])).toEqual([2500, 4750, 5000]);
    expect(recorder.percentile(0.01)).toBe(1);
  });

  it('reports 0 without samples', () => {
    expect(new LatencyRecorder().percentile(95)).toBe(0);
  });
});
