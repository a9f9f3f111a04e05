import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.js';

/**
 * Runs `work` in a transaction: the caller's, when the repository was built on one (so a
 * service's upload stays all-or-nothing), or a new one.
 */
export async function inTransaction<T>(
  db: Kysely<StoreSchema>,
  work: (trx: Kysely<StoreSchema>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
