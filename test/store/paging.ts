import type { Page, PageRequest } from '../../src/store/pagination.js';

/** Follows cursors until the last page and returns every item, failing on a runaway listing. */
export async function collectAll<T>(list: (page: PageRequest) => Promise<Page<T>>, maxPages = 1_000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const page = await list(cursor === undefined ? {} : { cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === undefined) {
      return items;
    }
  }
  throw new Error(`listing did not end within ${maxPages} pages`);
}
