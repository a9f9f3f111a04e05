import { describe, expect, it } from 'vitest';
import type { OrgGroupNode } from '../../src/domain/model.js';
import { createScopedOg } from './builders.js';
import { forEachDatabase } from './harness.js';

function names(node: OrgGroupNode): unknown {
  return { name: node.name, children: node.children.map(names) };
}

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  describe('scopes and visibility', () => {
    it('starts with Global as the root of everything', async () => {
      const { ogs } = repositories();
      const root = await ogs.rootScope();
      const global = await ogs.get(root, root.ogId);
      expect(global).toMatchObject({ name: 'Global', parentId: undefined, depth: 0 });
    });

    it('hides a sibling OG, and a parent from its child', async () => {
      const { ogs } = repositories();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const acmeEast = await createScopedOg(repositories(), acme);
      expect(await ogs.get(acme.scope, globex.og.id)).toBeUndefined();
      expect(await ogs.get(acmeEast.scope, acme.og.id)).toBeUndefined();
      expect(await ogs.get(acme.scope, acmeEast.og.id)).toMatchObject({ parentId: acme.og.id, depth: 2 });
      expect(await ogs.narrow(acmeEast.scope, acme.og.id)).toBeUndefined();
      expect((await ogs.narrow(acme.scope, acmeEast.og.id))?.ogId).toBe(acmeEast.og.id);
    });

    it('does not confuse OG 1 with OG 10 and beyond', async () => {
      const { ogs } = repositories();
      const customers = [];
      for (let index = 0; index < 11; index += 1) {
        customers.push(await createScopedOg(repositories()));
      }
      for (const customer of customers) {
        const tree = await ogs.tree(customer.scope);
        expect(tree.id).toBe(customer.og.id);
        expect(tree.children).toEqual([]);
      }
    });

    it('gives no scope for an OG that does not exist', async () => {
      expect(await repositories().ogs.scopeFor(987_654_321)).toBeUndefined();
    });
  });

  describe('create and rename', () => {
    it('refuses a parent outside the scope as if it did not exist', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      expect(await repositories().ogs.create(acme.scope, globex.og.id, 'Sneaky')).toBeUndefined();
      expect((await repositories().ogs.tree(globex.scope)).children).toEqual([]);
    });

    it('keeps sibling names unique but allows the same name elsewhere', async () => {
      const { ogs } = repositories();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      await ogs.create(acme.scope, acme.og.id, 'Sales');
      await expect(ogs.create(acme.scope, acme.og.id, 'Sales')).rejects.toMatchObject({ code: 'store.duplicate' });
      expect(await ogs.create(globex.scope, globex.og.id, 'Sales')).toMatchObject({ name: 'Sales' });
    });

    it('renames inside the scope only', async () => {
      const { ogs } = repositories();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      expect(await ogs.rename(acme.scope, acme.og.id, 'Acme Corp')).toMatchObject({ name: 'Acme Corp' });
      expect(await ogs.rename(acme.scope, globex.og.id, 'Taken over')).toBeUndefined();
      expect(await ogs.get(globex.scope, globex.og.id)).toMatchObject({ name: globex.og.name });
    });
  });

  describe('move', () => {
    it('moves a subtree: its scope follows, the old parent loses sight of it', async () => {
      const { ogs } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme, 'East');
      const boston = await createScopedOg(repositories(), east, 'Boston');
      const west = await createScopedOg(repositories(), acme, 'West');
      expect(await ogs.move(acme.scope, east.og.id, west.og.id)).toMatchObject({ parentId: west.og.id, depth: 3 });
      expect(await ogs.get(west.scope, boston.og.id)).toMatchObject({ depth: 4 });
      const eastScope = await ogs.scopeFor(east.og.id);
      expect(eastScope && (await ogs.get(eastScope, boston.og.id))).toBeDefined();
      expect(names(await ogs.tree(acme.scope))).toEqual({
        name: acme.og.name,
        children: [{ name: 'West', children: [{ name: 'East', children: [{ name: 'Boston', children: [] }] }] }],
      });
    });

    it('refuses to move an OG below itself or its descendants', async () => {
      const { ogs } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const boston = await createScopedOg(repositories(), east);
      await expect(ogs.move(acme.scope, east.og.id, boston.og.id)).rejects.toMatchObject({ code: 'store.og_cycle' });
      await expect(ogs.move(acme.scope, east.og.id, east.og.id)).rejects.toMatchObject({ code: 'store.og_cycle' });
      expect(await ogs.get(east.scope, boston.og.id)).toMatchObject({ parentId: east.og.id });
    });

    it('refuses to move Global, and moves across scopes as if the target did not exist', async () => {
      const { ogs } = repositories();
      const root = await ogs.rootScope();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      await expect(ogs.move(root, root.ogId, acme.og.id)).rejects.toMatchObject({ code: 'store.og_root' });
      expect(await ogs.move(acme.scope, east.og.id, globex.og.id)).toBeUndefined();
      expect(await ogs.move(globex.scope, east.og.id, globex.og.id)).toBeUndefined();
    });

    it('refuses a move that would put two siblings with one name side by side', async () => {
      const { ogs } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      await createScopedOg(repositories(), acme, 'Sales');
      const eastSales = await createScopedOg(repositories(), east, 'Sales');
      await expect(ogs.move(acme.scope, eastSales.og.id, acme.og.id)).rejects.toMatchObject({ code: 'store.duplicate' });
    });
  });

  describe('delete', () => {
    it('deletes an empty OG', async () => {
      const { ogs } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      expect(await ogs.delete(acme.scope, east.og.id)).toBe(true);
      expect(await ogs.get(acme.scope, east.og.id)).toBeUndefined();
      expect(await ogs.delete(acme.scope, east.og.id)).toBe(false);
    });

    it('refuses an OG with children or objects, and Global', async () => {
      const { ogs, admins } = repositories();
      const root = await ogs.rootScope();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      await expect(ogs.delete(acme.scope, acme.og.id)).rejects.toMatchObject({ code: 'store.og_not_empty' });
      await admins.create(east.scope, { username: `east-${east.og.id}`, passwordHash: 'x', role: 'read-only', homeOgId: east.og.id });
      await expect(ogs.delete(acme.scope, east.og.id)).rejects.toMatchObject({ code: 'store.og_not_empty' });
      await expect(ogs.delete(root, root.ogId)).rejects.toMatchObject({ code: 'store.og_root' });
    });

    it('answers an OG outside the scope like a missing one', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      expect(await repositories().ogs.delete(acme.scope, globex.og.id)).toBe(false);
      expect(await repositories().ogs.get(globex.scope, globex.og.id)).toBeDefined();
    });
  });

  describe('tree and ancestors', () => {
    it('nests the tree with children sorted by name', async () => {
      const acme = await createScopedOg(repositories());
      const west = await createScopedOg(repositories(), acme, 'West');
      await createScopedOg(repositories(), acme, 'East');
      await createScopedOg(repositories(), west, 'Seattle');
      expect(names(await repositories().ogs.tree(acme.scope))).toEqual({
        name: acme.og.name,
        children: [
          { name: 'East', children: [] },
          { name: 'West', children: [{ name: 'Seattle', children: [] }] },
        ],
      });
    });

    it('lists ancestors top first, only as far up as the scope reaches', async () => {
      const { ogs } = repositories();
      const root = await ogs.rootScope();
      const acme = await createScopedOg(repositories());
      const west = await createScopedOg(repositories(), acme);
      const seattle = await createScopedOg(repositories(), west);
      const fromRoot = await ogs.ancestors(root, seattle.og.id);
      expect(fromRoot?.map((og) => og.id)).toEqual([root.ogId, acme.og.id, west.og.id]);
      expect((await ogs.ancestors(west.scope, seattle.og.id))?.map((og) => og.id)).toEqual([west.og.id]);
      expect(await ogs.ancestors(seattle.scope, seattle.og.id)).toEqual([]);
      expect(await ogs.ancestors(seattle.scope, acme.og.id)).toBeUndefined();
    });
  });

  describe('transactions', () => {
    it('leaves nothing behind when the transaction fails', async () => {
      const acme = await createScopedOg(repositories());
      const failure = new Error('upload failed halfway');
      await expect(
        context.database().transaction(async ({ ogs }) => {
          await ogs.create(acme.scope, acme.og.id, 'Doomed');
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect((await repositories().ogs.tree(acme.scope)).children).toEqual([]);
    });
  });
});
