import { describe, expect, it } from 'vitest';
import { TokenRepository } from '../../src/store/token.repository.js';
import type { NewApiToken } from '../../src/store/token.repository.js';
import { createScopedOg, uniqueName } from './builders.js';
import type { ScopedOg } from './builders.js';
import { forEachDatabase } from './harness.js';
import { collectAll } from './paging.js';

function newToken(og: ScopedOg, overrides: Partial<NewApiToken> = {}): NewApiToken {
  return { name: 'CI pipeline', tokenHash: uniqueName('token'), ogId: og.og.id, role: 'app-admin', ...overrides };
}

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  describe('API tokens', () => {
    it('finds an unrevoked token by hash and records its use', async () => {
      const { tokens } = repositories();
      const acme = await createScopedOg(repositories());
      const token = await tokens.create(acme.scope, newToken(acme));
      expect(token).toMatchObject({ ogId: acme.og.id, role: 'app-admin', lastUsedAt: undefined, revokedAt: undefined });
      const used = new Date('2026-04-01T08:00:00Z');
      await tokens.recordUse(token?.id ?? 0, used);
      expect(await tokens.findActiveByHash(token?.tokenHash ?? '')).toMatchObject({ id: token?.id, lastUsedAt: used });
    });

    it('revokes a token once: it can no longer authenticate', async () => {
      const { tokens } = repositories();
      const acme = await createScopedOg(repositories());
      const token = await tokens.create(acme.scope, newToken(acme));
      const first = new Date('2026-04-01T08:00:00Z');
      expect(await tokens.revoke(acme.scope, token?.id ?? 0, first)).toMatchObject({ revokedAt: first });
      expect(await tokens.revoke(acme.scope, token?.id ?? 0, new Date('2026-05-01T08:00:00Z'))).toMatchObject({
        revokedAt: first,
      });
      expect(await tokens.findActiveByHash(token?.tokenHash ?? '')).toBeUndefined();
    });

    it('keeps tokens inside their OG subtree', async () => {
      const { tokens } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const globex = await createScopedOg(repositories());
      expect(await tokens.create(east.scope, newToken(acme))).toBeUndefined();
      const token = await tokens.create(acme.scope, newToken(east));
      expect(await tokens.get(acme.scope, token?.id ?? 0)).toEqual(token);
      expect(await tokens.get(globex.scope, token?.id ?? 0)).toBeUndefined();
      expect(await tokens.revoke(globex.scope, token?.id ?? 0, new Date())).toBeUndefined();
      expect(await tokens.get(east.scope, token?.id ?? 0)).toMatchObject({ revokedAt: undefined });
    });

    it('lists newest first, pages through equal timestamps by id, and hides revoked ones', async () => {
      const sameInstant = new Date('2026-02-02T02:02:02Z');
      const tokens = new TokenRepository(context.database().kysely, () => sameInstant);
      const acme = await createScopedOg(repositories());
      const created = [];
      for (let index = 0; index < 7; index += 1) {
        created.push(await tokens.create(acme.scope, newToken(acme, { name: `token ${index}` })));
      }
      const ids = created.map((token) => token?.id ?? 0);
      const listed = await collectAll((page) => tokens.list(acme.scope, {}, { ...page, limit: 3 }));
      expect(listed.map((token) => token.id)).toEqual([...ids].reverse());
      await tokens.revoke(acme.scope, ids[0] ?? 0, sameInstant);
      expect((await collectAll((page) => tokens.list(acme.scope, {}, page))).length).toBe(6);
      expect((await collectAll((page) => tokens.list(acme.scope, { includeRevoked: true }, page))).length).toBe(7);
    });

    it('refuses a duplicate token hash', async () => {
      const acme = await createScopedOg(repositories());
      const token = newToken(acme);
      await repositories().tokens.create(acme.scope, token);
      await expect(repositories().tokens.create(acme.scope, token)).rejects.toMatchObject({ code: 'store.duplicate' });
    });
  });
});
