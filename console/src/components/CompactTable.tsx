import type { ReactNode } from 'react';

/** A column heading; a column of figures is aligned right, as its cells are. */
export type CompactColumn = string | { readonly heading: string; readonly figures: true };

interface CompactTableProps {
  /** Names the table for screen readers. */
  readonly label: string;
  readonly columns: readonly CompactColumn[];
  /** The body rows. */
  readonly children: ReactNode;
}

/** A small table inside a page or panel, with every row already at hand (no paging, no loading state). */
export function CompactTable({ label, columns, children }: CompactTableProps) {
  return (
    <div className="table-scroll">
      <table className="list-table compact" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column, index) =>
              typeof column === 'string' ? (
                <th key={index} scope="col">
                  {column}
                </th>
              ) : (
                <th key={index} scope="col" className="number">
                  {column.heading}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
