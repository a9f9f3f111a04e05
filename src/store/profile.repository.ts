import type { Kysely } from 'kysely';
import type { AppVersionStatus, Profile, ProfileStatus, ProfileType, ProfileUsage } from '../domain/model.js';
import { isForeignKeyViolation, translateConstraints } from './constraint-errors.js';
import { StoreError } from './errors.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import { profileValues, toProfile } from './profile-rows.js';
import type { NewProfile, ProfileRow } from './profile-rows.js';
import type { StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { affectedRows, allInScope, containsText, ogInScope } from './sql-filters.js';
import { inTransaction } from './transaction.js';
import { toMillis } from './values.js';

export type { NewProfile } from './profile-rows.js';

export interface ProfileFilter {
  readonly status?: ProfileStatus;
  readonly type?: ProfileType;
  readonly bundleId?: string;
  readonly teamId?: string;
  /** Only profiles carrying this stored certificate. */
  readonly certificateId?: number;
  /** Only profiles whose ExpirationDate is before this instant. */
  readonly expiringBefore?: Date;
  /** Part of the profile name, any case. */
  readonly search?: string;
  /** The profile's UUID, in any case. */
  readonly uuid?: string;
}

export type ProfileSort = 'expiry' | 'name' | 'uploaded';

const ORDERS: Record<ProfileSort, SortOrder> = {
  expiry: { name: 'expiry', column: 'profiles.expiration_date', idColumn: 'profiles.id', direction: 'asc' },
  name: { name: 'name', column: 'profiles.name', idColumn: 'profiles.id', direction: 'asc' },
  uploaded: { name: 'uploaded', column: 'profiles.uploaded_at', idColumn: 'profiles.id', direction: 'desc' },
};

function sortValue(row: ProfileRow, sort: ProfileSort): string | number {
  switch (sort) {
    case 'expiry':
      return row.expiration_date;
    case 'name':
      return row.name;
    case 'uploaded':
      return row.uploaded_at;
  }
}

/** Provisioning profiles with their certificates, lineage and the app versions using them. */
export class ProfileRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /**
   * Stores a profile as the next version of its lineage (same OG, App ID and name) with links to
   * its certificates. The OG and certificates must lie in scope. A UUID already stored in the OG
   * fails with `store.duplicate`.
   */
  async create(scope: Scope, input: NewProfile): Promise<Profile | undefined> {
    return inTransaction(this.db, async (trx) => {
      const visible =
        (await ogInScope(trx, scope, input.ogId)) && (await allInScope(trx, scope, 'certificates', input.certificateIds));
      if (!visible) {
        return undefined;
      }
      const row = await translateConstraints('profile', async () =>
        trx
          .insertInto('profiles')
          .values(profileValues(input, (await this.latestLineageVersion(trx, input)) + 1))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      const links = [...new Set(input.certificateIds)].map((certificateId) => ({ profile_id: row.id, certificate_id: certificateId }));
      if (links.length > 0) {
        await trx.insertInto('profile_certificates').values(links).execute();
      }
      return toProfile(row);
    });
  }

  async get(scope: Scope, id: number): Promise<Profile | undefined> {
    const row = await this.db
      .selectFrom('profiles')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(scope, 'profiles.og_id'))
      .executeTakeFirst();
    return row === undefined ? undefined : toProfile(row);
  }

  /** Profiles with this UUID in scope (UUIDs are unique per OG, so one per OG), oldest first. */
  async findByUuid(scope: Scope, uuid: string): Promise<Profile[]> {
    const rows = await this.db
      .selectFrom('profiles')
      .selectAll()
      .where('uuid', '=', uuid)
      .where(inScope(scope, 'profiles.og_id'))
      .orderBy('id')
      .execute();
    return rows.map(toProfile);
  }

  async list(scope: Scope, filter: ProfileFilter = {}, sort: ProfileSort = 'expiry', page: PageRequest = {}): Promise<Page<Profile>> {
    const order = ORDERS[sort];
    const rows = await paginate(this.filtered(scope, filter), order, page).execute();
    return toPage(rows, order, page, (row) => [sortValue(row, sort), row.id], toProfile);
  }

  /** Every version of the profile's lineage, first version first; undefined when not in scope. */
  async lineage(scope: Scope, id: number): Promise<Profile[] | undefined> {
    const profile = await this.get(scope, id);
    if (profile === undefined) {
      return undefined;
    }
    const rows = await this.db
      .selectFrom('profiles')
      .selectAll()
      .where('og_id', '=', profile.ogId)
      .where('application_identifier', '=', profile.applicationIdentifier)
      .where('name', '=', profile.name)
      .orderBy('lineage_version')
      .execute();
    return rows.map(toProfile);
  }

  /** Marks `oldId` as superseded by `newId`; both must lie in scope. Returns the old profile. */
  async supersede(scope: Scope, oldId: number, newId: number): Promise<Profile | undefined> {
    if (oldId === newId || !(await allInScope(this.db, scope, 'profiles', [oldId, newId]))) {
      return undefined;
    }
    const row = await this.db
      .updateTable('profiles')
      .set({ status: 'superseded', superseded_by: newId })
      .where('id', '=', oldId)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toProfile(row);
  }

  /** Marks active profiles in scope whose ExpirationDate is at or before `now` as expired; returns how many. */
  async markExpired(scope: Scope, now: Date): Promise<number> {
    const result = await this.db
      .updateTable('profiles')
      .set({ status: 'expired' })
      .where('status', '=', 'active')
      .where('expiration_date', '<=', toMillis(now))
      .where(inScope(scope, 'profiles.og_id'))
      .executeTakeFirst();
    return affectedRows(result);
  }

  /**
   * The app version bundles (apps in scope only) that run under the profile, by app name;
   * undefined when the profile is not in scope.
   */
  async usages(scope: Scope, id: number): Promise<ProfileUsage[] | undefined> {
    if ((await this.get(scope, id)) === undefined) {
      return undefined;
    }
    const rows = await this.db
      .selectFrom('app_version_profiles')
      .innerJoin('app_versions', 'app_versions.id', 'app_version_profiles.app_version_id')
      .innerJoin('apps', 'apps.id', 'app_versions.app_id')
      .select([
        'apps.id as appId',
        'apps.name as appName',
        'app_versions.id as appVersionId',
        'app_versions.short_version as shortVersion',
        'app_versions.build as build',
        'app_versions.status as versionStatus',
        'app_version_profiles.bundle_id as bundleId',
      ])
      .where('app_version_profiles.profile_id', '=', id)
      .where(inScope(scope, 'apps.og_id'))
      .orderBy('apps.name')
      .orderBy('app_versions.id')
      .orderBy('app_version_profiles.bundle_id')
      .execute();
    return rows.map((row) => ({ ...row, versionStatus: row.versionStatus as AppVersionStatus }));
  }

  /**
   * Deletes a profile no app version uses (else `store.profile_in_use`, whoever's app it is).
   * False when the profile is not in scope.
   */
  async delete(scope: Scope, id: number): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      if (!(await allInScope(trx, scope, 'profiles', [id]))) {
        return false;
      }
      const used = await trx.selectFrom('app_version_profiles').select('profile_id').where('profile_id', '=', id).executeTakeFirst();
      if (used !== undefined) {
        throw new StoreError('store.profile_in_use', 'the profile is still used by an app version');
      }
      await this.deleteRow(trx, id);
      return true;
    });
  }

  private filtered(scope: Scope, filter: ProfileFilter) {
    let query = this.db.selectFrom('profiles').selectAll().where(inScope(scope, 'profiles.og_id'));
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    if (filter.bundleId !== undefined) query = query.where('bundle_id', '=', filter.bundleId);
    if (filter.teamId !== undefined) query = query.where('team_id', '=', filter.teamId);
    // Stored as Apple wrote it (upper case, usually); the three spellings keep the index usable.
    if (filter.uuid !== undefined) query = query.where('uuid', 'in', [...new Set([filter.uuid, filter.uuid.toUpperCase(), filter.uuid.toLowerCase()])]);
    if (filter.expiringBefore !== undefined) query = query.where('expiration_date', '<', toMillis(filter.expiringBefore));
    if (filter.search !== undefined) query = query.where(containsText('profiles.name', filter.search));
    const certificateId = filter.certificateId;
    if (certificateId !== undefined) {
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('profile_certificates').select('profile_id').where('certificate_id', '=', certificateId),
      );
    }
    return query;
  }

  private async latestLineageVersion(db: Kysely<StoreSchema>, input: NewProfile): Promise<number> {
    const row = await db
      .selectFrom('profiles')
      .select((eb) => eb.fn.max('lineage_version').as('latest'))
      .where('og_id', '=', input.ogId)
      .where('application_identifier', '=', input.applicationIdentifier)
      .where('name', '=', input.name)
      .executeTakeFirst();
    return row?.latest ?? 0;
  }

  private async deleteRow(db: Kysely<StoreSchema>, id: number): Promise<void> {
    try {
      await db.deleteFrom('profiles').where('id', '=', id).execute();
    } catch (error) {
      // An app version started using the profile after the check.
      if (isForeignKeyViolation(error)) {
        throw new StoreError('store.profile_in_use', 'the profile is now used by an app version', { cause: error });
      }
      throw error;
    }
  }
}
