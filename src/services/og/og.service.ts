import type { OrgGroup, OrgGroupNode } from '../../domain/model.js';
import { notFound } from '../../http/errors.js';
import type { Database } from '../../store/database.js';
import type { Repositories } from '../../store/repositories.js';
import type { AuditedChange, AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from '../auth/actor.js';

export interface NewOgRequest {
  readonly parentId: number;
  readonly name: string;
}

/** A rename, a move, or both at once. */
export interface OgUpdate {
  readonly name?: string;
  readonly parentId?: number;
}

export interface OgServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly audit: AuditTrail;
}

/** The organization group tree, as far as the caller's scope reaches. */
export class OgService {
  constructor(private readonly deps: OgServiceDeps) {}

  /** The caller's home OG with everything below it. */
  tree(caller: Caller): Promise<OrgGroupNode> {
    return this.deps.database.repositories.ogs.tree(caller.actor.scope);
  }

  async get(caller: Caller, id: number): Promise<OrgGroup> {
    return found(await this.deps.database.repositories.ogs.get(caller.actor.scope, id));
  }

  async create(caller: Caller, request: NewOgRequest): Promise<OrgGroup> {
    return this.deps.database.transaction(async (repositories) => {
      const og = found(await repositories.ogs.create(caller.actor.scope, request.parentId, request.name));
      const details = { name: og.name, parentId: request.parentId };
      await this.deps.audit.record(repositories, caller, ogChange('og.create', og, details));
      return og;
    });
  }

  /** Renames and/or moves an OG (with its subtree) in one transaction. */
  async update(caller: Caller, id: number, update: OgUpdate): Promise<OrgGroup> {
    return this.deps.database.transaction(async (repositories) => {
      let og = found(await repositories.ogs.get(caller.actor.scope, id));
      if (update.name !== undefined && update.name !== og.name) og = await this.rename(repositories, caller, og, update.name);
      if (update.parentId !== undefined) og = await this.move(repositories, caller, og, update.parentId);
      return og;
    });
  }

  /** Deletes an OG that holds nothing. */
  async delete(caller: Caller, id: number): Promise<void> {
    await this.deps.database.transaction(async (repositories) => {
      const og = found(await repositories.ogs.get(caller.actor.scope, id));
      if (!(await repositories.ogs.delete(caller.actor.scope, id))) throw notFound('organization group');
      await this.deps.audit.record(repositories, caller, ogChange('og.delete', og, { name: og.name }));
    });
  }

  private async rename(repositories: Repositories, caller: Caller, og: OrgGroup, name: string): Promise<OrgGroup> {
    const renamed = found(await repositories.ogs.rename(caller.actor.scope, og.id, name));
    await this.deps.audit.record(repositories, caller, ogChange('og.rename', renamed, { from: og.name, to: name }));
    return renamed;
  }

  private async move(repositories: Repositories, caller: Caller, og: OrgGroup, parentId: number): Promise<OrgGroup> {
    const moved = found(await repositories.ogs.move(caller.actor.scope, og.id, parentId));
    const details = { fromParentId: og.parentId ?? null, toParentId: parentId };
    await this.deps.audit.record(repositories, caller, ogChange('og.move', moved, details));
    return moved;
  }
}

function found(og: OrgGroup | undefined): OrgGroup {
  if (og === undefined) throw notFound('organization group');
  return og;
}

/**
 * Entries about an OG are filed under its parent (Global's under itself): the log of a deleted
 * OG stays readable from above, where its admins' scopes no longer reach.
 */
function ogChange(action: string, og: OrgGroup, details: AuditedChange['details']): AuditedChange {
  return { action, objectType: 'og', objectId: og.id, ogId: og.parentId ?? og.id, details };
}
