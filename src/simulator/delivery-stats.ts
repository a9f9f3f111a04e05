import { LatencyRecorder } from './latency.js';

/** What devices counted while talking to the server (shared by every device of a fleet). */
export class DeliveryStats {
  /** Connections opened (each starts with Idle). */
  connections = 0;
  /** Commands the server sent. */
  commandsReceived = 0;
  /** Answered Acknowledged. */
  commandsAcknowledged = 0;
  /** Answered NotNow (device locked). */
  notNow = 0;
  /** Answered Error or CommandFormatError. */
  commandsFailed = 0;
  /** Requests that failed: network errors and non-2xx statuses. */
  errors = 0;
  /** A command the server offered again in the connection where it was answered NotNow. */
  repeatedAfterNotNow = 0;
  /** Round trips of connect requests (answer sent → next command or end received). */
  readonly latency = new LatencyRecorder();

  /** The counters and p50/p95/p99 in milliseconds, rounded to 0.01 ms. */
  summary(): DeliverySummary {
    const [p50, p95, p99] = this.latency.percentiles([50, 95, 99]).map((value) => Math.round(value * 100) / 100);
    return {
      connections: this.connections,
      commandsReceived: this.commandsReceived,
      commandsAcknowledged: this.commandsAcknowledged,
      notNow: this.notNow,
      commandsFailed: this.commandsFailed,
      errors: this.errors,
      repeatedAfterNotNow: this.repeatedAfterNotNow,
      requests: this.latency.count,
      p50Ms: p50 ?? 0,
      p95Ms: p95 ?? 0,
      p99Ms: p99 ?? 0,
    };
  }
}

/** A snapshot of {@link DeliveryStats}. */
export interface DeliverySummary {
  readonly connections: number;
  readonly commandsReceived: number;
  readonly commandsAcknowledged: number;
  readonly notNow: number;
  readonly commandsFailed: number;
  readonly errors: number;
  readonly repeatedAfterNotNow: number;
  /** Connect requests timed. */
  readonly requests: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
}
