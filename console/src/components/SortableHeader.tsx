import { useI18n } from '../i18n/i18n-context';

interface SortableHeaderProps {
  readonly label: string;
  /** Whether the list is sorted by this column now. */
  readonly active: boolean;
  readonly onSort: () => void;
  readonly className?: string;
}

/** A column header that sorts the list by its column (each column has one order, set by the API). */
export function SortableHeader({ label, active, onSort, className }: SortableHeaderProps) {
  const { m } = useI18n();
  return (
    <th scope="col" aria-sort={active ? 'ascending' : 'none'} className={className}>
      <button type="button" className="sort-button" onClick={onSort} aria-pressed={active} title={m.apps.sortBy(label)}>
        {label}
        <span className={active ? 'sort-mark active' : 'sort-mark'} aria-hidden="true">
          ▲
        </span>
      </button>
    </th>
  );
}
