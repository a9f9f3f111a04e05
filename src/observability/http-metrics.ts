import { Counter, Histogram } from './prometheus/metrics.js';
import type { MetricsRegistry } from './prometheus/registry.js';

/** Upper bounds in seconds: API calls take milliseconds, uploads of large IPAs take minutes. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120, 600];
const LABELS = ['method', 'route', 'status'] as const;

/** One answered request, labelled by its route template (never its raw URL, to bound series). */
export interface AnsweredRequest {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}

/** Request counts and durations by method, route and status. */
export class HttpMetrics {
  private readonly requests: Counter;
  private readonly durations: Histogram;

  constructor(registry: MetricsRegistry) {
    this.requests = registry.register(
      new Counter('provisio_http_requests_total', 'HTTP requests answered, by method, route and status.', LABELS),
    );
    this.durations = registry.register(
      new Histogram('provisio_http_request_duration_seconds', 'Time to answer HTTP requests.', LABELS, DURATION_BUCKETS),
    );
  }

  record(request: AnsweredRequest): void {
    const labels = { method: request.method, route: request.route, status: String(request.status) };
    this.requests.inc(labels);
    this.durations.observe(labels, request.seconds);
  }
}
