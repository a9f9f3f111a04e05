import { describe, expect, it } from 'vitest';
import { flattenOgTree } from './og-options';

const leaf = (id: number, name: string) => ({ id, parentId: 1, name, depth: 2, children: [] });

describe('flattenOgTree', () => {
  it('lists each group before its children, indented by level', () => {
    const tree = { id: 1, parentId: null, name: 'Acme', depth: 1, children: [{ ...leaf(2, 'Noord'), children: [leaf(4, 'Groningen')] }, leaf(3, 'Zuid')] };
    expect(flattenOgTree(tree)).toEqual([
      { id: 1, name: 'Acme', level: 0 },
      { id: 2, name: 'Noord', level: 1 },
      { id: 4, name: 'Groningen', level: 2 },
      { id: 3, name: 'Zuid', level: 1 },
    ]);
  });
});
