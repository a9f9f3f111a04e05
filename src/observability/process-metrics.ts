import { Gauge } from './prometheus/metrics.js';
import type { MetricsRegistry } from './prometheus/registry.js';

/** Registers the process's memory and uptime, read at every scrape. */
export function registerProcessMetrics(registry: MetricsRegistry): void {
  const memory = (field: keyof NodeJS.MemoryUsage) => () => process.memoryUsage()[field];
  registry.register(new Gauge('process_resident_memory_bytes', 'Resident set size in bytes.', memory('rss')));
  registry.register(new Gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', memory('heapUsed')));
  registry.register(new Gauge('nodejs_heap_total_bytes', 'V8 heap allocated, in bytes.', memory('heapTotal')));
  const external = 'Memory of C++ objects bound to JavaScript, in bytes.';
  registry.register(new Gauge('nodejs_external_memory_bytes', external, memory('external')));
  registry.register(new Gauge('process_uptime_seconds', 'Seconds since the process started.', () => process.uptime()));
}
