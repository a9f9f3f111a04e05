import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { OrgGroup, OrgGroupNode } from '../domain/model.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { isForeignKeyViolation, translateConstraints } from './constraint-errors.js';
import { StoreError } from './errors.js';
import { ogIsEmpty } from './og-contents.js';
import { ancestorPaths, buildTree, toOrgGroup } from './og-tree.js';
import type { OrgGroupRow } from './og-tree.js';
import type { StoreSchema } from './schema.js';
import { pathInScope, pathRange, scopeOf } from './scope.js';
import type { Scope } from './scope.js';
import { inTransaction } from './transaction.js';

/** Organization groups: the tree, and the scopes every other repository filters by. */
export class OgRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The scope of Global: everything. For Provisio's own jobs, never for a request. */
  async rootScope(): Promise<Scope> {
    const root = await this.db.selectFrom('org_groups').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
    return scopeOf(root);
  }

  /**
   * The scope of an admin's or API token's home OG: how a request gets its scope, so it is the
   * one lookup that takes no scope. Undefined when the OG does not exist.
   */
  async scopeFor(ogId: number): Promise<Scope | undefined> {
    const row = await this.db.selectFrom('org_groups').selectAll().where('id', '=', ogId).executeTakeFirst();
    return row === undefined ? undefined : scopeOf(row);
  }

  /** The scope of `ogId` when it lies inside `scope`: narrows a view to a subtree. */
  async narrow(scope: Scope, ogId: number): Promise<Scope | undefined> {
    const row = await this.findRow(this.db, scope, ogId);
    return row === undefined ? undefined : scopeOf(row);
  }

  async get(scope: Scope, id: number): Promise<OrgGroup | undefined> {
    const row = await this.findRow(this.db, scope, id);
    return row === undefined ? undefined : toOrgGroup(row);
  }

  /** Creates an OG under `parentId`; names are unique among siblings (`store.duplicate`). */
  async create(scope: Scope, parentId: number, name: string): Promise<OrgGroup | undefined> {
    return inTransaction(this.db, async (trx) => {
      const parent = await this.findRow(trx, scope, parentId);
      if (parent === undefined) {
        return undefined;
      }
      const { id } = await translateConstraints('organization group name', () =>
        trx
          .insertInto('org_groups')
          .values({ parent_id: parent.id, name, path: '', created_at: this.clock().getTime() })
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
      // The path ends in the new row's id, known only now.
      const row = await trx
        .updateTable('org_groups')
        .set({ path: `${parent.path}${id}/` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toOrgGroup(row);
    });
  }

  async rename(scope: Scope, id: number, name: string): Promise<OrgGroup | undefined> {
    const { from, to } = pathRange(scope.path);
    const row = await translateConstraints('organization group name', () =>
      this.db
        .updateTable('org_groups')
        .set({ name })
        .where('id', '=', id)
        .where('path', '>=', from)
        .where('path', '<', to)
        .returningAll()
        .executeTakeFirst(),
    );
    return row === undefined ? undefined : toOrgGroup(row);
  }

  /**
   * Moves an OG, with its subtree, under `newParentId`. Refuses Global (`store.og_root`) and a
   * parent inside the moved subtree (`store.og_cycle`).
   */
  async move(scope: Scope, id: number, newParentId: number): Promise<OrgGroup | undefined> {
    return inTransaction(this.db, async (trx) => {
      const node = await this.findRow(trx, scope, id);
      const parent = await this.findRow(trx, scope, newParentId);
      if (node === undefined || parent === undefined) {
        return undefined;
      }
      if (node.parent_id === null) {
        throw new StoreError('store.og_root', 'Global cannot be moved');
      }
      if (parent.path.startsWith(node.path)) {
        throw new StoreError('store.og_cycle', 'an organization group cannot move below itself');
      }
      await translateConstraints('organization group name', () =>
        trx.updateTable('org_groups').set({ parent_id: parent.id }).where('id', '=', id).execute(),
      );
      await this.rewritePaths(trx, node.path, `${parent.path}${node.id}/`);
      const moved = await this.findRow(trx, scope, id);
      return moved === undefined ? undefined : toOrgGroup(moved);
    });
  }

  /**
   * Deletes an OG that holds nothing: no child OGs and no objects (`store.og_not_empty`).
   * Global cannot be deleted (`store.og_root`). False when the OG is not in scope.
   */
  async delete(scope: Scope, id: number): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const node = await this.findRow(trx, scope, id);
      if (node === undefined) {
        return false;
      }
      if (node.parent_id === null) {
        throw new StoreError('store.og_root', 'Global cannot be deleted');
      }
      if (!(await ogIsEmpty(trx, id))) {
        throw new StoreError('store.og_not_empty', 'the organization group still holds groups or objects');
      }
      await this.deleteRow(trx, id);
      return true;
    });
  }

  /** The scope's OG with every OG below it, children ordered by name. */
  async tree(scope: Scope): Promise<OrgGroupNode> {
    const { from, to } = pathRange(scope.path);
    const rows = await this.db
      .selectFrom('org_groups')
      .selectAll()
      .where('path', '>=', from)
      .where('path', '<', to)
      .orderBy('path')
      .execute();
    return buildTree(rows, scope.ogId);
  }

  /** The OGs above `id` that lie in scope, top first; undefined when `id` is not in scope. */
  async ancestors(scope: Scope, id: number): Promise<OrgGroup[] | undefined> {
    const node = await this.findRow(this.db, scope, id);
    if (node === undefined) {
      return undefined;
    }
    const visible = ancestorPaths(node.path).filter((path) => pathInScope(scope, path));
    if (visible.length === 0) {
      return [];
    }
    const rows = await this.db.selectFrom('org_groups').selectAll().where('path', 'in', visible).orderBy('path').execute();
    return rows.map(toOrgGroup);
  }

  private async findRow(db: Kysely<StoreSchema>, scope: Scope, id: number): Promise<OrgGroupRow | undefined> {
    const { from, to } = pathRange(scope.path);
    return db
      .selectFrom('org_groups')
      .selectAll()
      .where('id', '=', id)
      .where('path', '>=', from)
      .where('path', '<', to)
      .executeTakeFirst();
  }

  private async rewritePaths(db: Kysely<StoreSchema>, oldPath: string, newPath: string): Promise<void> {
    const { from, to } = pathRange(oldPath);
    await db
      .updateTable('org_groups')
      .set({ path: sql<string>`cast(${newPath} as text) || substr(path, ${oldPath.length + 1})` })
      .where('path', '>=', from)
      .where('path', '<', to)
      .execute();
  }

  private async deleteRow(db: Kysely<StoreSchema>, id: number): Promise<void> {
    try {
      await db.deleteFrom('org_groups').where('id', '=', id).execute();
    } catch (error) {
      // Something was added to the OG after the emptiness check.
      if (isForeignKeyViolation(error)) {
        throw new StoreError('store.og_not_empty', 'the organization group is no longer empty', { cause: error });
      }
      throw error;
    }
  }
}
