import { describe, expect, it } from 'vitest';
import { Counter, Gauge, Histogram } from './metrics.js';
import { encodeMetrics, formatValue } from './text-format.js';

describe('Prometheus text format', () => {
  it('writes help, type and one line per labelled series', () => {
    const counter = new Counter('requests_total', 'Requests served.', ['method', 'status']);
    counter.inc({ method: 'GET', status: '200' });
    counter.inc({ status: '200', method: 'GET' }, 2);
    counter.inc({ method: 'POST', status: '201' });
    expect(encodeMetrics([counter.collect()])).toBe(
      [
        '# HELP requests_total Requests served.',
        '# TYPE requests_total counter',
        'requests_total{method="GET",status="200"} 3',
        'requests_total{method="POST",status="201"} 1',
        '',
      ].join('\n'),
    );
  });

  it('escapes backslashes, quotes and newlines', () => {
    const counter = new Counter('odd_total', 'Help with \\ and\nnewline.', ['path']);
    counter.inc({ path: 'a"b\\c\nd' });
    expect(encodeMetrics([counter.collect()])).toBe(
      ['# HELP odd_total Help with \\\\ and\\nnewline.', '# TYPE odd_total counter', 'odd_total{path="a\\"b\\\\c\\nd"} 1', ''].join(
        '\n',
      ),
    );
  });

  it('writes histograms as cumulative buckets with +Inf, sum and count', () => {
    const histogram = new Histogram('latency_seconds', 'Latency.', ['route'], [0.1, 1]);
    histogram.observe({ route: '/x' }, 0.05);
    histogram.observe({ route: '/x' }, 0.5);
    histogram.observe({ route: '/x' }, 3);
    expect(encodeMetrics([histogram.collect()])).toBe(
      [
        '# HELP latency_seconds Latency.',
        '# TYPE latency_seconds histogram',
        'latency_seconds_bucket{route="/x",le="0.1"} 1',
        'latency_seconds_bucket{route="/x",le="1"} 2',
        'latency_seconds_bucket{route="/x",le="+Inf"} 3',
        'latency_seconds_sum{route="/x"} 3.55',
        'latency_seconds_count{route="/x"} 3',
        '',
      ].join('\n'),
    );
  });

  it('reads gauges when collected', () => {
    let value = 1;
    const gauge = new Gauge('heap_bytes', 'Heap.', () => value);
    value = 42;
    expect(encodeMetrics([gauge.collect()])).toContain('\nheap_bytes 42\n');
  });

  it('spells special numbers the Prometheus way', () => {
    expect([NaN, Infinity, -Infinity, 1.5e-7].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf', '1.5e-7']);
  });
});
