import type { Collector } from './metrics.js';
import { encodeMetrics } from './text-format.js';

/** The collectors one `/metrics` endpoint exposes, in registration order. */
export class MetricsRegistry {
  private readonly collectors: Collector[] = [];

  register<T extends Collector>(collector: T): T {
    this.collectors.push(collector);
    return collector;
  }

  /** Every collector's current samples in the Prometheus text format. */
  render(): string {
    return encodeMetrics(this.collectors.map((collector) => collector.collect()));
  }
}
