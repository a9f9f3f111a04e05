import { StoreError } from './errors.js';

/** The databases Provisio runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** Where the database lives, as read from its URL. */
export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string };

const SQLITE_PREFIX = 'sqlite:';

/**
 * Reads a database URL:
 * - `postgres://…` or `postgresql://…`: PostgreSQL, the URL goes to `pg` unchanged;
 * - `sqlite:<path>` or `sqlite://<path>` (so `sqlite:///abs/provisio.db` is absolute):
 *   an SQLite file; `sqlite::memory:` is a private in-memory database.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return { dialect: 'postgres', url };
  }
  if (url.toLowerCase().startsWith(SQLITE_PREFIX)) {
    const rest = url.slice(SQLITE_PREFIX.length);
    const file = rest.startsWith('//') ? rest.slice(2) : rest;
    if (file.length > 0) {
      return { dialect: 'sqlite', file };
    }
  }
  throw new StoreError('store.bad_url', 'database URL must start with postgres://, postgresql:// or sqlite:');
}
