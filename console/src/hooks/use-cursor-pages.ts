import { useState } from 'react';
import type { Page } from '../api/types';
import { useApi, type Loaded } from './use-api';

/** Page size of every console listing. */
export const PAGE_SIZE = 50;

/** One page of a server-side paginated listing, with the moves to its neighbours. */
export interface CursorPages<T> {
  readonly page: Loaded<Page<T>>;
  /** 1 for the first page. */
  readonly pageNumber: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  readonly previous: () => void;
  readonly next: () => void;
}

/**
 * Pages through a listing with the API's cursors, keeping the cursors of the pages seen so
 * "previous" needs no extra request. A new `filterKey` starts again at the first page.
 */
export function useCursorPages<T>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  filterKey: string,
): CursorPages<T> {
  const [trail, setTrail] = useState<{ readonly key: string; readonly cursors: readonly string[] }>({ key: filterKey, cursors: [] });
  const cursors = trail.key === filterKey ? trail.cursors : [];
  const cursor = cursors.at(-1);
  const page = useApi((signal) => fetchPage(cursor, signal), [filterKey, cursor]);
  const nextCursor = page.loading ? null : (page.data?.nextCursor ?? null);
  return {
    page,
    pageNumber: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    hasNext: nextCursor !== null,
    previous: () => setTrail({ key: filterKey, cursors: cursors.slice(0, -1) }),
    next: () => {
      if (nextCursor !== null) setTrail({ key: filterKey, cursors: [...cursors, nextCursor] });
    },
  };
}
