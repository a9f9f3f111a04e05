import type { Kysely, Selectable } from 'kysely';
import type { Admin, AdminCredentials, AdminRole } from '../domain/model.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { translateConstraints } from './constraint-errors.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import type { AdminTable, StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { containsText, ogInScope } from './sql-filters.js';
import { fromFlag, fromMillis, toFlag } from './values.js';

export interface NewAdmin {
  readonly username: string;
  /** The encoded scrypt hash made by the service; never a password. */
  readonly passwordHash: string;
  readonly role: AdminRole;
  readonly homeOgId: number;
  readonly disabled?: boolean;
}

/** Fields an update may change; absent fields stay as they are. */
export interface AdminChanges {
  readonly passwordHash?: string;
  readonly role?: AdminRole;
  readonly homeOgId?: number;
  readonly disabled?: boolean;
}

export interface AdminFilter {
  readonly role?: AdminRole;
  /** Part of the username, any case. */
  readonly search?: string;
}

const BY_USERNAME: SortOrder = { name: 'username', column: 'admins.username', idColumn: 'admins.id', direction: 'asc' };

type AdminRow = Selectable<AdminTable>;

function toAdmin(row: AdminRow): Admin {
  return {
    id: row.id,
    username: row.username,
    role: row.role as AdminRole,
    homeOgId: row.home_og_id,
    disabled: fromFlag(row.disabled),
    createdAt: fromMillis(row.created_at),
  };
}

/** Console administrators; an admin belongs to (and is seen from) their home OG. */
export class AdminRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Creates an admin whose home OG lies in scope; usernames are unique (`store.duplicate`). */
  async create(scope: Scope, input: NewAdmin): Promise<Admin | undefined> {
    if (!(await ogInScope(this.db, scope, input.homeOgId))) {
      return undefined;
    }
    const row = await translateConstraints('username', () =>
      this.db
        .insertInto('admins')
        .values({
          username: input.username,
          password_hash: input.passwordHash,
          role: input.role,
          home_og_id: input.homeOgId,
          disabled: toFlag(input.disabled ?? false),
          created_at: this.clock().getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return toAdmin(row);
  }

  async get(scope: Scope, id: number): Promise<Admin | undefined> {
    const row = await this.db
      .selectFrom('admins')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(scope, 'admins.home_og_id'))
      .executeTakeFirst();
    return row === undefined ? undefined : toAdmin(row);
  }

  /**
   * The admin and password hash for a login attempt. Unscoped because a login has no scope
   * yet; the caller checks the hash and the disabled flag.
   */
  async findForLogin(username: string): Promise<AdminCredentials | undefined> {
    const row = await this.db.selectFrom('admins').selectAll().where('username', '=', username).executeTakeFirst();
    return row === undefined ? undefined : { admin: toAdmin(row), passwordHash: row.password_hash };
  }

  /** Admins whose home OG lies in scope, by username. */
  async list(scope: Scope, filter: AdminFilter = {}, page: PageRequest = {}): Promise<Page<Admin>> {
    let query = this.db.selectFrom('admins').selectAll().where(inScope(scope, 'admins.home_og_id'));
    if (filter.role !== undefined) {
      query = query.where('role', '=', filter.role);
    }
    if (filter.search !== undefined) {
      query = query.where(containsText('admins.username', filter.search));
    }
    const rows = await paginate(query, BY_USERNAME, page).execute();
    return toPage(rows, BY_USERNAME, page, (row) => [row.username, row.id], toAdmin);
  }

  /** Changes an admin in scope; a new home OG must lie in scope too. */
  async update(scope: Scope, id: number, changes: AdminChanges): Promise<Admin | undefined> {
    if (changes.homeOgId !== undefined && !(await ogInScope(this.db, scope, changes.homeOgId))) {
      return undefined;
    }
    if (Object.values(changes).every((value) => value === undefined)) {
      return this.get(scope, id);
    }
    const row = await this.db
      .updateTable('admins')
      .set({
        password_hash: changes.passwordHash,
        role: changes.role,
        home_og_id: changes.homeOgId,
        disabled: changes.disabled === undefined ? undefined : toFlag(changes.disabled),
      })
      .where('id', '=', id)
      .where(inScope(scope, 'admins.home_og_id'))
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toAdmin(row);
  }
}
