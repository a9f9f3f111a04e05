import type { z } from 'zod';
import { pageOf } from '../../http/schemas.js';
import type { ApiClient, Query } from './api-client.js';
import { requestFailed } from './cli-error.js';

/** Items asked for per page: few requests, answers of a modest size. */
export const PAGE_SIZE = 200;

/** Every item of a paginated listing, following `nextCursor` to the last page. */
export async function fetchAllPages<S extends z.ZodType>(
  client: ApiClient,
  path: string,
  item: S,
  query: Query = {},
  pageSize = PAGE_SIZE,
): Promise<Array<z.output<S>>> {
  const schema = pageOf(item);
  const items: Array<z.output<S>> = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await client.get(path, schema, { ...query, limit: pageSize, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (cursor !== undefined && seen.has(cursor)) throw requestFailed(`the server repeated a page cursor while listing ${path}`);
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
  return items;
}
