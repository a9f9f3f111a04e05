import { describe, expect, it } from 'vitest';
import type { NewAdmin } from '../../src/store/admin.repository.js';
import type { Scope } from '../../src/store/scope.js';
import { createScopedOg, uniqueName } from './builders.js';
import type { ScopedOg } from './builders.js';
import { collectAll } from './paging.js';
import { forEachDatabase } from './harness.js';

function newAdmin(home: ScopedOg, overrides: Partial<NewAdmin> = {}): NewAdmin {
  return { username: uniqueName('admin'), passwordHash: 'scrypt$hash', role: 'app-admin', homeOgId: home.og.id, ...overrides };
}

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  async function createAdmin(scope: Scope, home: ScopedOg, overrides: Partial<NewAdmin> = {}) {
    const admin = await repositories().admins.create(scope, newAdmin(home, overrides));
    if (admin === undefined) {
      throw new Error('admin was not created');
    }
    return admin;
  }

  describe('create and read', () => {
    it('creates an admin and finds it for login with its hash', async () => {
      const acme = await createScopedOg(repositories());
      const admin = await createAdmin(acme.scope, acme, { role: 'read-only' });
      expect(admin).toMatchObject({ role: 'read-only', homeOgId: acme.og.id, disabled: false });
      expect(await repositories().admins.findForLogin(admin.username)).toEqual({ admin, passwordHash: 'scrypt$hash' });
      expect(await repositories().admins.findForLogin('nobody-at-all')).toBeUndefined();
    });

    it('refuses a taken username', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const admin = await createAdmin(acme.scope, acme);
      await expect(createAdmin(globex.scope, globex, { username: admin.username })).rejects.toMatchObject({
        code: 'store.duplicate',
      });
    });

    it('refuses a home OG outside the scope as if it did not exist', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      expect(await repositories().admins.create(acme.scope, newAdmin(globex))).toBeUndefined();
    });

    it('shows admins of the subtree only', async () => {
      const { admins } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const globex = await createScopedOg(repositories());
      const acmeAdmin = await createAdmin(acme.scope, acme);
      const eastAdmin = await createAdmin(acme.scope, east);
      expect(await admins.get(acme.scope, eastAdmin.id)).toEqual(eastAdmin);
      expect(await admins.get(east.scope, acmeAdmin.id)).toBeUndefined();
      expect(await admins.get(globex.scope, eastAdmin.id)).toBeUndefined();
      expect((await collectAll((page) => admins.list(acme.scope, {}, page))).map((a) => a.id).sort()).toEqual(
        [acmeAdmin.id, eastAdmin.id].sort(),
      );
      expect(await collectAll((page) => admins.list(globex.scope, {}, page))).toEqual([]);
    });
  });

  describe('list', () => {
    it('pages through admins by username, with filters', async () => {
      const acme = await createScopedOg(repositories());
      const prefix = uniqueName('team');
      for (const name of ['delta', 'alpha', 'echo', 'charlie', 'bravo']) {
        await createAdmin(acme.scope, acme, { username: `${prefix}-${name}`, role: name === 'echo' ? 'read-only' : 'app-admin' });
      }
      await createAdmin(acme.scope, acme, { username: 'Weird_%Name' });
      const { admins } = repositories();
      const all = await collectAll((page) => admins.list(acme.scope, { search: prefix.toUpperCase() }, { ...page, limit: 2 }));
      expect(all.map((admin) => admin.username.slice(prefix.length + 1))).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
      const readOnly = await admins.list(acme.scope, { role: 'read-only' });
      expect(readOnly.items.map((admin) => admin.username)).toEqual([`${prefix}-echo`]);
      expect((await admins.list(acme.scope, { search: '_%n' })).items.map((admin) => admin.username)).toEqual(['Weird_%Name']);
      expect((await admins.list(acme.scope, { search: 'a_p' })).items).toEqual([]);
    });

    it('rejects a cursor that was tampered with', async () => {
      const acme = await createScopedOg(repositories());
      await expect(repositories().admins.list(acme.scope, {}, { cursor: 'not-a-cursor' })).rejects.toMatchObject({
        code: 'store.bad_cursor',
      });
    });
  });

  describe('update', () => {
    it('changes role, hash and the disabled flag', async () => {
      const acme = await createScopedOg(repositories());
      const admin = await createAdmin(acme.scope, acme);
      const changed = await repositories().admins.update(acme.scope, admin.id, {
        role: 'system',
        disabled: true,
        passwordHash: 'scrypt$new',
      });
      expect(changed).toMatchObject({ role: 'system', disabled: true, username: admin.username });
      expect((await repositories().admins.findForLogin(admin.username))?.passwordHash).toBe('scrypt$new');
      expect(await repositories().admins.update(acme.scope, admin.id, {})).toEqual(changed);
    });

    it('moves an admin only within the scope', async () => {
      const { admins } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const globex = await createScopedOg(repositories());
      const admin = await createAdmin(acme.scope, acme);
      expect(await admins.update(acme.scope, admin.id, { homeOgId: globex.og.id })).toBeUndefined();
      expect(await admins.update(acme.scope, admin.id, { homeOgId: east.og.id })).toMatchObject({ homeOgId: east.og.id });
      expect(await admins.update(globex.scope, admin.id, { disabled: true })).toBeUndefined();
      expect(await admins.get(acme.scope, admin.id)).toMatchObject({ disabled: false });
    });
  });
});
