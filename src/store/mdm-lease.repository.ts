import type { Kysely } from 'kysely';
import type { MdmStoreSchema } from './mdm-schema.js';
import { withMdmTables } from './mdm-sql.js';
import type { StoreSchema } from './schema.js';

/**
 * Leases on periodic jobs, so that servers sharing one database run each job once: a holder
 * keeps the lease by renewing it before it expires; anyone may take an expired one.
 */
export class MdmLeaseRepository {
  private readonly db: Kysely<MdmStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withMdmTables(db);
  }

  /** Takes or renews the lease on `job` until `until`; false while someone else holds it. */
  async acquire(job: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const row = await this.db
      .insertInto('mdm_job_leases')
      .values({ name: job, holder, expires_at: until.getTime() })
      .onConflict((conflict) =>
        conflict
          .column('name')
          .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
          .where((eb) => eb.or([eb('mdm_job_leases.expires_at', '<=', now.getTime()), eb('mdm_job_leases.holder', '=', holder)])),
      )
      .returning('holder')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Gives the lease up early (on shutdown) so another server takes over at once. */
  async release(job: string, holder: string): Promise<void> {
    await this.db.deleteFrom('mdm_job_leases').where('name', '=', job).where('holder', '=', holder).execute();
  }
}
