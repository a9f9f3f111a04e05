import type { Selectable } from 'kysely';
import type { OrgGroup, OrgGroupNode } from '../domain/model.js';
import { StoreError } from './errors.js';
import type { OrgGroupTable } from './schema.js';
import { fromMillis, orUndefined } from './values.js';

export type OrgGroupRow = Selectable<OrgGroupTable>;

/** `/1/` has depth 0, `/1/4/9/` depth 2. */
function depthOf(path: string): number {
  return path.split('/').length - 3;
}

export function toOrgGroup(row: OrgGroupRow): OrgGroup {
  return {
    id: row.id,
    parentId: orUndefined(row.parent_id),
    name: row.name,
    depth: depthOf(row.path),
    createdAt: fromMillis(row.created_at),
  };
}

/** The paths of the OGs above `path`, top first: `/1/4/9/` → `['/1/', '/1/4/']`. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  return ids.map((_, index) => `/${ids.slice(0, index + 1).join('/')}/`);
}

interface MutableNode extends OrgGroup {
  children: MutableNode[];
}

/** Nests rows sorted by path (so every parent precedes its children) under `rootId`; children by name. */
export function buildTree(rows: readonly OrgGroupRow[], rootId: number): OrgGroupNode {
  const nodes = new Map<number, MutableNode>();
  for (const row of rows) {
    const node: MutableNode = { ...toOrgGroup(row), children: [] };
    nodes.set(node.id, node);
    if (row.parent_id !== null && row.id !== rootId) {
      nodes.get(row.parent_id)?.children.push(node);
    }
  }
  for (const node of nodes.values()) {
    node.children.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  }
  const root = nodes.get(rootId);
  if (root === undefined) {
    throw new StoreError('store.missing_reference', 'the scope names an organization group that no longer exists');
  }
  return root;
}
