import type { AppSort } from '../../api/catalog';

/** The filters of the internal apps list, kept in the address so links and "back" keep them. */
export interface AppFilters {
  readonly search: string;
  /** Only apps expiring within this many days; undefined for all. */
  readonly expiringWithin: number | undefined;
  readonly sort: AppSort;
}

/** Reads the filters from the query string, ignoring values the API would refuse. */
export function readAppFilters(search: URLSearchParams): AppFilters {
  const within = search.get('expiringWithin') ?? '';
  return {
    search: (search.get('search') ?? '').trim(),
    expiringWithin: /^\d{1,5}$/.test(within) ? Number(within) : undefined,
    sort: search.get('sort') === 'expiry' ? 'expiry' : 'name',
  };
}

/** The query string for `filters`, leaving defaults out. */
export function writeAppFilters(filters: AppFilters): string {
  const query = new URLSearchParams();
  if (filters.search !== '') query.set('search', filters.search);
  if (filters.expiringWithin !== undefined) query.set('expiringWithin', String(filters.expiringWithin));
  if (filters.sort !== 'name') query.set('sort', filters.sort);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
