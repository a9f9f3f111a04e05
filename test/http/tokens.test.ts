import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/services/auth/secrets.js';
import { adminAgent, call, createOg, errorCode, tokenAgent } from './fixtures.js';
import { forEachApp } from './harness.js';

interface CreatedTokenBody {
  token: { id: number; ogId: number; role: string; revokedAt: string | null };
  secret: string;
}

forEachApp((context) => {
  const app = () => context.app();
  const database = () => context.database();

  async function createToken(role = 'app-admin', ogId?: number) {
    const og = await createOg(database());
    const { agent } = await adminAgent(app(), database(), og.id, 'app-admin');
    const response = await call(app(), agent, 'POST', '/api/v1/tokens', { name: 'CI', role, ...(ogId === undefined ? {} : { ogId }) });
    return { og, agent, response };
  }

  describe('API tokens', () => {
    it('are created by admins, shown once, and authenticate as bearer tokens', async () => {
      const { og, response } = await createToken();
      expect(response.statusCode).toBe(201);
      const created = response.json<CreatedTokenBody>();
      expect(created.secret).toMatch(/^prv_/);
      expect(created.token).toMatchObject({ ogId: og.id, role: 'app-admin', revokedAt: null });
      const bearer = { headers: { authorization: `Bearer ${created.secret}` } };
      const me = await call(app(), bearer, 'GET', '/api/v1/auth/me');
      expect(me.json()).toMatchObject({ kind: 'token', id: created.token.id, role: 'app-admin', homeOgId: og.id });
      const listed = await call(app(), bearer, 'GET', '/api/v1/tokens');
      expect(JSON.stringify(listed.json())).not.toContain(created.secret);
    });

    it('are stored only as their SHA-256 hash', async () => {
      const created = (await createToken()).response.json<CreatedTokenBody>();
      const row = await database().kysely.selectFrom('api_tokens').selectAll().where('id', '=', created.token.id).executeTakeFirst();
      expect(row?.token_hash).toBe(hashSecret(created.secret));
      expect(JSON.stringify(row)).not.toContain(created.secret);
    });

    it('stop working once revoked: 401', async () => {
      const { agent, response } = await createToken();
      const created = response.json<CreatedTokenBody>();
      const bearer = { headers: { authorization: `Bearer ${created.secret}` } };
      const revoked = await call(app(), agent, 'DELETE', `/api/v1/tokens/${created.token.id}`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
      const refused = await call(app(), bearer, 'GET', '/api/v1/auth/me');
      expect(refused.statusCode).toBe(401);
      expect(errorCode(refused)).toBe('unauthenticated');
    });

    it.each(['Bearer prv_unknown', `Bearer prv_${'x'.repeat(43)}`, 'Basic dXNlcjpwYXNz', 'Bearer'])(
      'refuse the authorization header %j with 401',
      async (authorization) => {
        const response = await app().inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization } });
        expect(response.statusCode).toBe(401);
      },
    );

    it('need no CSRF token: browsers never send them on their own', async () => {
      const og = await createOg(database());
      const { agent } = await tokenAgent(database(), og.id, 'system');
      expect((await call(app(), agent, 'POST', '/api/v1/ogs', { parentId: og.id, name: 'Via token' })).statusCode).toBe(201);
    });

    it('of the read-only role can read but not write: 403', async () => {
      const og = await createOg(database());
      const { agent } = await tokenAgent(database(), og.id, 'read-only');
      expect((await call(app(), agent, 'GET', '/api/v1/ogs/tree')).statusCode).toBe(200);
      const refused = await call(app(), agent, 'POST', '/api/v1/ogs', { parentId: og.id, name: 'Nope' });
      expect(refused.statusCode).toBe(403);
      expect(errorCode(refused)).toBe('auth.insufficient_role');
    });

    it('never exceed the role of the admin who creates them', async () => {
      const { response } = await createToken('system');
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('auth.role_exceeds');
    });

    it('cannot create more tokens', async () => {
      const og = await createOg(database());
      const { agent } = await tokenAgent(database(), og.id, 'system');
      const response = await call(app(), agent, 'POST', '/api/v1/tokens', { name: 'Child', role: 'read-only' });
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('auth.admin_only');
    });

    it('record when they were last used', async () => {
      const og = await createOg(database());
      const { token, agent } = await tokenAgent(database(), og.id, 'read-only');
      await call(app(), agent, 'GET', '/api/v1/auth/me');
      const stored = await database().repositories.tokens.get(await database().repositories.ogs.rootScope(), token.id);
      expect(stored?.lastUsedAt).toBeInstanceOf(Date);
    });

    it('list newest first with cursor pagination, hiding revoked ones unless asked', async () => {
      const og = await createOg(database());
      const { agent } = await adminAgent(app(), database(), og.id, 'system');
      const ids: number[] = [];
      for (const name of ['one', 'two', 'three']) {
        ids.push((await call(app(), agent, 'POST', '/api/v1/tokens', { name, role: 'read-only' })).json<CreatedTokenBody>().token.id);
      }
      await call(app(), agent, 'DELETE', `/api/v1/tokens/${ids[0]}`);
      const first = (await call(app(), agent, 'GET', '/api/v1/tokens?limit=1')).json<{ items: { id: number }[]; nextCursor: string }>();
      expect(first.items.map((item) => item.id)).toEqual([ids[2]]);
      const rest = await call(app(), agent, 'GET', `/api/v1/tokens?limit=5&cursor=${encodeURIComponent(first.nextCursor)}`);
      expect(rest.json()).toMatchObject({ items: [{ id: ids[1] }], nextCursor: null });
      const all = await call(app(), agent, 'GET', '/api/v1/tokens?includeRevoked=true');
      expect(all.json<{ items: unknown[] }>().items).toHaveLength(3);
      const tampered = await call(app(), agent, 'GET', '/api/v1/tokens?cursor=not-a-cursor');
      expect(tampered.statusCode).toBe(400);
      expect(errorCode(tampered)).toBe('pagination.bad_cursor');
    });
  });
});
