import type { CursorPages } from '../hooks/use-cursor-pages';
import { useI18n } from '../i18n/i18n-context';

/** Previous and next buttons under a paginated table. */
export function Pager<T>({ pages }: { readonly pages: CursorPages<T> }) {
  const { m } = useI18n();
  return (
    <nav className="pager" aria-label={m.common.pagination}>
      <button type="button" className="button secondary" onClick={pages.previous} disabled={!pages.hasPrevious}>
        {m.common.previousPage}
      </button>
      <span aria-live="polite">{m.common.pageNumber(pages.pageNumber)}</span>
      <button type="button" className="button secondary" onClick={pages.next} disabled={!pages.hasNext}>
        {m.common.nextPage}
      </button>
    </nav>
  );
}
