/** A column of a text table; numbers read best aligned right. */
export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/**
 * Rows under a header line, each column as wide as its widest cell, two spaces apart, with no
 * trailing spaces: easy to read, and to cut with awk in a CI script.
 */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = columns.map((column, index) => Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? cell.length;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map(line)].join('\n') + '\n';
}

/** Label and value lines, values aligned; a row with an empty label continues the one above. */
export function renderFields(rows: ReadonlyArray<readonly [label: string, value: string]>): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`.trimEnd()).join('\n') + '\n';
}
