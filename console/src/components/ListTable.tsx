import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { FailureMessage } from './FailureMessage';

/** Placeholder rows shown before the first answer, so the page does not jump when it comes. */
const SKELETON_ROWS = 8;

interface ListTableProps<T> {
  /** Names the table for screen readers. */
  readonly label: string;
  /** The header row's cells. */
  readonly head: ReactNode;
  /**
   * Each column's share of the width, e.g. `['30%', '70%']`. Fixed up front so the columns do
   * not jump when the rows arrive.
   */
  readonly widths: readonly string[];
  readonly items: readonly T[] | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  readonly onRetry: () => void;
  readonly emptyText: string;
  readonly renderRow: (item: T) => ReactNode;
}

/** A data table with its loading, failure and empty states in place of the rows. */
export function ListTable<T>(props: ListTableProps<T>) {
  const { label, head, widths, items, loading } = props;
  return (
    <div className="table-scroll">
      <table className={loading && items !== undefined ? 'list-table fixed is-stale' : 'list-table fixed'} aria-label={label} aria-busy={loading}>
        <colgroup>
          {widths.map((width, index) => (
            <col key={index} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{body(props, widths.length)}</tbody>
      </table>
    </div>
  );
}

function body<T>({ items, loading, error, onRetry, emptyText, renderRow }: ListTableProps<T>, columnCount: number): ReactNode {
  if (error !== undefined) return <WideRow columnCount={columnCount}>{<FailureMessage error={error} onRetry={onRetry} />}</WideRow>;
  if (items === undefined) return loading ? <SkeletonRows columnCount={columnCount} /> : null;
  if (items.length === 0) return <WideRow columnCount={columnCount}>{<p className="empty">{emptyText}</p>}</WideRow>;
  return items.map(renderRow);
}

function WideRow({ columnCount, children }: { readonly columnCount: number; readonly children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columnCount} className="wide-cell">
        {children}
      </td>
    </tr>
  );
}

function SkeletonRows({ columnCount }: { readonly columnCount: number }) {
  const { m } = useI18n();
  return Array.from({ length: SKELETON_ROWS }, (_, row) => (
    <tr key={row} className="skeleton-row" aria-hidden={row > 0}>
      {Array.from({ length: columnCount }, (_, column) => (
        <td key={column}>{row === 0 && column === 0 ? <span className="visually-hidden">{m.common.loading}</span> : null}<span className="skeleton-bar" /></td>
      ))}
    </tr>
  ));
}
