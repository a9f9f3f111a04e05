import { describe, expect, it } from 'vitest';
import { ancestorPaths, buildTree, toOrgGroup } from './og-tree.js';
import type { OrgGroupRow } from './og-tree.js';

function row(id: number, parentId: number | null, path: string, name = `og ${id}`): OrgGroupRow {
  return { id, parent_id: parentId, name, path, created_at: 0 };
}

describe('og tree helpers', () => {
  it('derives depth from the path', () => {
    expect(toOrgGroup(row(1, null, '/1/')).depth).toBe(0);
    expect(toOrgGroup(row(9, 4, '/1/4/9/')).depth).toBe(2);
  });

  it('lists ancestor paths top first', () => {
    expect(ancestorPaths('/1/4/9/')).toEqual(['/1/', '/1/4/']);
    expect(ancestorPaths('/1/')).toEqual([]);
  });

  it('nests rows under the requested root and sorts children by name', () => {
    const rows = [row(4, 1, '/1/4/', 'Acme'), row(10, 4, '/1/4/10/', 'West'), row(9, 4, '/1/4/9/', 'East'), row(12, 9, '/1/4/9/12/', 'Boston')];
    const tree = buildTree(rows, 4);
    expect(tree.parentId).toBe(1);
    expect(tree.children.map((child) => [child.name, child.children.map((grandchild) => grandchild.name)])).toEqual([
      ['East', ['Boston']],
      ['West', []],
    ]);
  });

  it('fails when the root is not among the rows', () => {
    expect(() => buildTree([], 4)).toThrow(expect.objectContaining({ code: 'store.missing_reference' }));
  });
});
