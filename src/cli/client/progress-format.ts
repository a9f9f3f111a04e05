const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** "812 B", "12.3 MB": decimal units, as disk and network tools show sizes. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** "5.9 MB/s"; "-" before any time has passed. */
export function formatRate(bytes: number, elapsedMs: number): string {
  return elapsedMs <= 0 ? '-' : `${formatBytes((bytes * 1000) / elapsedMs)}/s`;
}

/** "2.1 s". */
export function formatDuration(elapsedMs: number): string {
  return `${(elapsedMs / 1000).toFixed(1)} s`;
}

/** A bar `width` characters wide inside brackets, e.g. `[=====>    ]`. */
export function renderBar(fraction: number, width: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.floor(clamped * width);
  const head = filled < width ? '>' : '';
  return `[${'='.repeat(filled)}${head}${' '.repeat(Math.max(0, width - filled - head.length))}]`;
}

/** Lines are never cut shorter than this, whatever width a terminal claims. */
const MIN_LINE = 20;

/** What one redraw of the progress bar shows. */
export interface ProgressSnapshot {
  readonly label: string;
  readonly sentBytes: number;
  readonly totalBytes: number;
  readonly elapsedMs: number;
}

/**
 * One line of the live bar, fitted to `columns`: `app.ipa [====>   ]  42%  1.2 GB / 2.9 GB  48.1 MB/s`.
 * The bar gives way first when the terminal is narrow.
 */
export function progressLine(snapshot: ProgressSnapshot, columns: number): string {
  const { label, sentBytes, totalBytes, elapsedMs } = snapshot;
  const fraction = totalBytes === 0 ? 1 : sentBytes / totalBytes;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const figures = `${percent}  ${formatBytes(sentBytes)} / ${formatBytes(totalBytes)}  ${formatRate(sentBytes, elapsedMs)}`;
  const barWidth = Math.min(30, columns - label.length - figures.length - 5);
  // Without the bar, cut the line short of the edge: a wrapped line cannot be redrawn in place.
  if (barWidth < 5) return `${label} ${figures}`.slice(0, Math.max(MIN_LINE, columns - 1));
  return `${label} ${renderBar(fraction, barWidth)} ${figures}`;
}

/** The plain line left once an upload has gone: `uploaded app.ipa: 2.9 GB in 61.0 s (47.5 MB/s)`. */
export function finishedLine(label: string, totalBytes: number, elapsedMs: number): string {
  return `uploaded ${label}: ${formatBytes(totalBytes)} in ${formatDuration(elapsedMs)} (${formatRate(totalBytes, elapsedMs)})`;
}
