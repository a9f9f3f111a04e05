/** Label names to values, e.g. `{ route: '/api/v1/ogs', status: '200' }`. */
export type Labels = Readonly<Record<string, string>>;

/** One line of a metric family: `name{labels} value`, where the name may carry a suffix. */
export interface Sample {
  /** Appended to the family name: `_bucket`, `_sum`, `_count`; empty for plain samples. */
  readonly suffix: string;
  readonly labels: Labels;
  readonly value: number;
}

export type MetricType = 'counter' | 'gauge' | 'histogram';

/** All samples of one metric, with its help text and type. */
export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly samples: readonly Sample[];
}

/** The content type Prometheus expects for the text exposition format 0.0.4. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function escapeLabelValue(text: string): string {
  return escapeHelp(text).replace(/"/g, '\\"');
}

/** Numbers as Prometheus spells them: `+Inf`, `-Inf`, `NaN`, otherwise JavaScript's form. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

function formatFamily(family: MetricFamily): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const sample of family.samples) {
    lines.push(`${family.name}${sample.suffix}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
  }
  return lines.join('\n');
}

/** Encodes metric families in the Prometheus text exposition format, ending in a newline. */
export function encodeMetrics(families: readonly MetricFamily[]): string {
  return families.length === 0 ? '' : `${families.map(formatFamily).join('\n')}\n`;
}
