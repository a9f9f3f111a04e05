import type { CursorPages } from '../hooks/use-cursor-pages';
import { useI18n } from '../i18n/i18n-context';

/**
 * Previous and next buttons beside the filters of a paginated table. The buttons say only
 * "Previous" and "Next" (their full names are for screen readers), so the pager stays short in
 * every language and fits beside the filters.
 */
export function Pager<T>({ pages }: { readonly pages: CursorPages<T> }) {
  const { m } = useI18n();
  return (
    <nav className="pager" aria-label={m.common.pagination}>
      <button type="button" className="button secondary" aria-label={m.common.previousPage} onClick={pages.previous} disabled={!pages.hasPrevious}>
        <span aria-hidden="true">‹</span> {m.common.previous}
      </button>
      <span aria-live="polite">{m.common.pageNumber(pages.pageNumber)}</span>
      <button type="button" className="button secondary" aria-label={m.common.nextPage} onClick={pages.next} disabled={!pages.hasNext}>
        {m.common.next} <span aria-hidden="true">›</span>
      </button>
    </nav>
  );
}
