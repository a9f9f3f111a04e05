import { sql } from 'kysely';
import type { SelectQueryBuilder, SqlBool } from 'kysely';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Which page to read: at most `limit` items after `cursor` (from the previous page). */
export interface PageRequest {
  readonly limit?: number;
  readonly cursor?: string;
}

/** One page of a listing; `nextCursor` is undefined on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | undefined;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/**
 * A stable order for keyset pagination: a sort column with the row id as tie-break, so rows with
 * equal sort values are never skipped or repeated between pages. The column must be NOT NULL.
 */
export interface SortOrder {
  /** Names the order inside cursors, so a cursor cannot be replayed against another order. */
  readonly name: string;
  readonly column: string;
  readonly idColumn: string;
  readonly direction: 'asc' | 'desc';
}

/** The page size to use: the requested one clamped to 1…MAX_PAGE_SIZE. */
export function pageSize(request: PageRequest): number {
  const limit = Math.trunc(request.limit ?? DEFAULT_PAGE_SIZE);
  return Math.min(Math.max(limit, 1), MAX_PAGE_SIZE);
}

/** Orders the query, skips to the cursor and reads one row more than a page to see if more follow. */
export function paginate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: SortOrder,
  request: PageRequest,
): SelectQueryBuilder<DB, TB, O> {
  const column = sql.ref(order.column);
  const id = sql.ref(order.idColumn);
  let paged = query;
  if (request.cursor !== undefined) {
    const after = decodeCursor(request.cursor, order.name);
    const beyond = order.direction === 'asc' ? sql.raw('>') : sql.raw('<');
    paged = paged.where(
      sql<SqlBool>`(${column} ${beyond} ${after.value} or (${column} = ${after.value} and ${id} ${beyond} ${after.id}))`,
    );
  }
  return paged
    .orderBy(column, order.direction)
    .orderBy(id, order.direction)
    .limit(pageSize(request) + 1);
}

/**
 * Turns the rows of a `paginate`d query into a page. `position` gives a row's sort value and id,
 * the two values its cursor records.
 */
export function toPage<R, T>(
  rows: readonly R[],
  order: SortOrder,
  request: PageRequest,
  position: (row: R) => readonly [value: string | number, id: number],
  map: (row: R) => T,
): Page<T> {
  const size = pageSize(request);
  const pageRows = rows.slice(0, size);
  const last = pageRows.at(-1);
  if (rows.length <= size || last === undefined) {
    return { items: pageRows.map(map), nextCursor: undefined };
  }
  const [value, id] = position(last);
  return { items: pageRows.map(map), nextCursor: encodeCursor({ sort: order.name, value, id }) };
}
