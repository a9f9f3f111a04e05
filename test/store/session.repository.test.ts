import { describe, expect, it } from 'vitest';
import { createScopedOg, uniqueName } from './builders.js';
import { forEachDatabase } from './harness.js';

const HOUR = 3_600_000;

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  async function createAdminId(): Promise<number> {
    const acme = await createScopedOg(repositories());
    const admin = await repositories().admins.create(acme.scope, {
      username: uniqueName('admin'),
      passwordHash: 'scrypt$hash',
      role: 'app-admin',
      homeOgId: acme.og.id,
    });
    if (admin === undefined) {
      throw new Error('admin was not created');
    }
    return admin.id;
  }

  function newSession(adminId: number, expiresAt: Date) {
    return { idHash: uniqueName('session'), adminId, csrfTokenHash: uniqueName('csrf'), expiresAt };
  }

  describe('sessions', () => {
    it('finds a session by its hash until it expires', async () => {
      const { sessions } = repositories();
      const adminId = await createAdminId();
      const now = new Date('2026-03-01T12:00:00Z');
      const session = await sessions.create(newSession(adminId, new Date(now.getTime() + HOUR)));
      expect(await sessions.findActive(session.idHash, now)).toEqual(session);
      expect(await sessions.findActive(session.idHash, session.expiresAt)).toBeUndefined();
      expect(await sessions.findActive('unknown-hash', now)).toBeUndefined();
    });

    it('extends and deletes a session', async () => {
      const { sessions } = repositories();
      const adminId = await createAdminId();
      const now = new Date('2026-03-01T12:00:00Z');
      const session = await sessions.create(newSession(adminId, new Date(now.getTime() + HOUR)));
      const later = new Date(now.getTime() + 5 * HOUR);
      expect(await sessions.extend(session.idHash, later)).toBe(true);
      expect((await sessions.findActive(session.idHash, new Date(now.getTime() + 2 * HOUR)))?.expiresAt).toEqual(later);
      expect(await sessions.delete(session.idHash)).toBe(true);
      expect(await sessions.delete(session.idHash)).toBe(false);
      expect(await sessions.extend(session.idHash, later)).toBe(false);
    });

    it('ends every session of one admin, and only expired ones on cleanup', async () => {
      const { sessions } = repositories();
      const adminId = await createAdminId();
      const otherAdminId = await createAdminId();
      const now = new Date('2026-03-01T12:00:00Z');
      await sessions.create(newSession(adminId, new Date(now.getTime() + HOUR)));
      await sessions.create(newSession(adminId, new Date(now.getTime() + HOUR)));
      const expired = await sessions.create(newSession(otherAdminId, new Date(now.getTime() - HOUR)));
      const alive = await sessions.create(newSession(otherAdminId, new Date(now.getTime() + HOUR)));
      expect(await sessions.deleteForAdmin(adminId)).toBe(2);
      expect(await sessions.deleteExpired(now)).toBeGreaterThanOrEqual(1);
      expect(await sessions.findActive(expired.idHash, new Date(0))).toBeUndefined();
      expect(await sessions.findActive(alive.idHash, now)).toEqual(alive);
    });

    it('refuses a duplicate id hash and an unknown admin', async () => {
      const { sessions } = repositories();
      const adminId = await createAdminId();
      const session = await sessions.create(newSession(adminId, new Date(Date.now() + HOUR)));
      await expect(sessions.create({ ...newSession(adminId, new Date()), idHash: session.idHash })).rejects.toMatchObject({
        code: 'store.duplicate',
      });
      await expect(sessions.create(newSession(987_654_321, new Date()))).rejects.toMatchObject({
        code: 'store.missing_reference',
      });
    });
  });
});
