import type { Admin, AdminRole, JsonObject, JsonValue } from '../../domain/model.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { AdminChanges, AdminFilter } from '../../store/admin.repository.js';
import type { Database } from '../../store/database.js';
import type { Page, PageRequest } from '../../store/pagination.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from './actor.js';
import { hashPassword } from './password.js';
import { requireRoleWithin } from './permissions.js';

export interface NewAdminRequest {
  readonly username: string;
  readonly password: string;
  readonly role: AdminRole;
  readonly homeOgId: number;
}

/** What an admin may change about another admin. */
export interface AdminUpdate {
  readonly role?: AdminRole;
  readonly disabled?: boolean;
  readonly homeOgId?: number;
}

export interface AdminServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly audit: AuditTrail;
}

/** Console administrators, managed from within the caller's scope. */
export class AdminService {
  constructor(private readonly deps: AdminServiceDeps) {}

  async create(caller: Caller, request: NewAdminRequest): Promise<Admin> {
    requireRoleWithin(request.role, caller.actor);
    const passwordHash = await hashPassword(request.password);
    return this.deps.database.transaction(async (repositories) => {
      const input = { username: request.username, passwordHash, role: request.role, homeOgId: request.homeOgId };
      const admin = await repositories.admins.create(caller.actor.scope, input);
      if (admin === undefined) throw notFound('organization group');
      const details = { username: admin.username, role: admin.role };
      await this.deps.audit.record(repositories, caller, adminChange('admin.create', admin, details));
      return admin;
    });
  }

  list(caller: Caller, filter: AdminFilter, page: PageRequest): Promise<Page<Admin>> {
    return this.deps.database.repositories.admins.list(caller.actor.scope, filter, page);
  }

  async get(caller: Caller, id: number): Promise<Admin> {
    const admin = await this.deps.database.repositories.admins.get(caller.actor.scope, id);
    if (admin === undefined) throw notFound('admin');
    return admin;
  }

  /**
   * Changes another admin's role, home OG or disabled flag. Disabling ends their sessions.
   * Admins cannot change these for themselves, so nobody locks themselves out by accident.
   */
  async update(caller: Caller, id: number, update: AdminUpdate): Promise<Admin> {
    if (update.role !== undefined) requireRoleWithin(update.role, caller.actor);
    if (caller.actor.kind === 'admin' && caller.actor.id === id) {
      throw new ApiError('conflict', 'admins cannot change their own role, home or status', { code: 'admin.self_change' });
    }
    return this.deps.database.transaction(async (repositories) => {
      const admin = await repositories.admins.update(caller.actor.scope, id, update satisfies AdminChanges);
      if (admin === undefined) throw notFound('admin');
      if (update.disabled === true) await repositories.sessions.deleteForAdmin(id);
      await this.deps.audit.record(repositories, caller, adminChange('admin.update', admin, changedFields(update)));
      return admin;
    });
  }
}

function changedFields(update: AdminUpdate): JsonObject {
  const changed: JsonObject = {};
  for (const [field, value] of Object.entries(update)) {
    if (value !== undefined) changed[field] = value as JsonValue;
  }
  return changed;
}

function adminChange(action: string, admin: Admin, details: JsonObject) {
  return { action, objectType: 'admin', objectId: admin.id, ogId: admin.homeOgId, details };
}
