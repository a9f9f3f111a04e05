import type { Labels, MetricFamily, Sample } from './text-format.js';

/** Anything that can report its current samples as one family. */
export interface Collector {
  collect(): MetricFamily;
}

/** Label values kept per series; the key is their JSON, in label-name order. */
class Series<T> {
  private readonly byKey = new Map<string, { labels: Labels; state: T }>();

  constructor(
    private readonly labelNames: readonly string[],
    private readonly initial: () => T,
  ) {}

  get(labels: Labels): T {
    const ordered = Object.fromEntries(this.labelNames.map((name) => [name, labels[name] ?? '']));
    const key = JSON.stringify(Object.values(ordered));
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      entry = { labels: ordered, state: this.initial() };
      this.byKey.set(key, entry);
    }
    return entry.state;
  }

  entries(): { labels: Labels; state: T }[] {
    return [...this.byKey.values()];
  }
}

/** A count that only goes up, per label set. */
export class Counter implements Collector {
  private readonly series: Series<{ value: number }>;

  constructor(
    readonly name: string,
    readonly help: string,
    labelNames: readonly string[] = [],
  ) {
    this.series = new Series(labelNames, () => ({ value: 0 }));
  }

  inc(labels: Labels = {}, by = 1): void {
    this.series.get(labels).value += by;
  }

  collect(): MetricFamily {
    const samples = this.series.entries().map(({ labels, state }): Sample => ({ suffix: '', labels, value: state.value }));
    return { name: this.name, help: this.help, type: 'counter', samples };
  }
}

interface HistogramState {
  readonly bucketCounts: number[];
  sum: number;
  count: number;
}

/** Observations counted into cumulative buckets (upper bounds, ascending), per label set. */
export class Histogram implements Collector {
  private readonly series: Series<HistogramState>;

  constructor(
    readonly name: string,
    readonly help: string,
    labelNames: readonly string[],
    private readonly buckets: readonly number[],
  ) {
    this.series = new Series(labelNames, () => ({ bucketCounts: buckets.map(() => 0), sum: 0, count: 0 }));
  }

  observe(labels: Labels, value: number): void {
    const state = this.series.get(labels);
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index >= 0) state.bucketCounts[index] = (state.bucketCounts[index] ?? 0) + 1;
    state.sum += value;
    state.count += 1;
  }

  collect(): MetricFamily {
    const samples = this.series.entries().flatMap(({ labels, state }) => this.samplesOf(labels, state));
    return { name: this.name, help: this.help, type: 'histogram', samples };
  }

  private samplesOf(labels: Labels, state: HistogramState): Sample[] {
    let cumulative = 0;
    const buckets = this.buckets.map((bound, index): Sample => {
      cumulative += state.bucketCounts[index] ?? 0;
      return { suffix: '_bucket', labels: { ...labels, le: String(bound) }, value: cumulative };
    });
    return [
      ...buckets,
      { suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: state.count },
      { suffix: '_sum', labels, value: state.sum },
      { suffix: '_count', labels, value: state.count },
    ];
  }
}

/** A value read when metrics are collected, such as memory in use. */
export class Gauge implements Collector {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
  ) {}

  collect(): MetricFamily {
    return { name: this.name, help: this.help, type: 'gauge', samples: [{ suffix: '', labels: {}, value: this.read() }] };
  }
}
