import { describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../../src/services/auth/session.service.js';
import { hashSecret } from '../../src/services/auth/secrets.js';
import { adminAgent, call, createAdmin, createOg, errorCode, login, TEST_PASSWORD, uniqueAddress } from './fixtures.js';
import { forEachApp } from './harness.js';

forEachApp((context) => {
  const app = () => context.app();
  const database = () => context.database();

  async function loginResponse(username: string, password: string, remoteAddress = uniqueAddress()) {
    return app().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
  }

  describe('console login', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
      const admin = await createAdmin(database(), (await createOg(database())).id, 'app-admin');
      const response = await loginResponse(admin.username, TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((candidate) => candidate.name === 'provisio_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      const body = response.json<{ csrfToken: string; admin: { username: string } }>();
      expect(body.admin.username).toBe(admin.username);
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(body.csrfToken).not.toBe(cookie?.value);
      expect(cookie?.secure).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('stores the session id and CSRF token only hashed', async () => {
      const admin = await createAdmin(database(), (await createOg(database())).id, 'read-only');
      const response = await loginResponse(admin.username, TEST_PASSWORD);
      const sessionId = response.cookies.find((candidate) => candidate.name === 'provisio_session')?.value ?? '';
      const { csrfToken } = response.json<{ csrfToken: string }>();
      const rows = await database().kysely.selectFrom('console_sessions').selectAll().where('admin_id', '=', admin.id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id_hash: hashSecret(sessionId), csrf_token_hash: hashSecret(csrfToken) });
      expect(JSON.stringify(rows)).not.toContain(sessionId);
      expect(JSON.stringify(rows)).not.toContain(csrfToken);
    });

    it('answers an unknown user, a wrong password and a disabled admin alike', async () => {
      const og = await createOg(database());
      const known = await createAdmin(database(), og.id, 'system');
      const disabled = await createAdmin(database(), og.id, 'system');
      await database().repositories.admins.update(await database().repositories.ogs.rootScope(), disabled.id, { disabled: true });
      const answers = await Promise.all([
        loginResponse('nobody-by-this-name', TEST_PASSWORD),
        loginResponse(known.username, 'wrong password'),
        loginResponse(disabled.username, TEST_PASSWORD),
      ]);
      for (const answer of answers) {
        expect(answer.statusCode).toBe(401);
        expect(answer.json()).toEqual(answers[0]?.json());
        expect(answer.cookies).toEqual([]);
      }
      expect(errorCode(answers[0])).toBe('auth.invalid_credentials');
    });

    it('rate limits failed logins per address with 429 and Retry-After', async () => {
      const admin = await createAdmin(database(), (await createOg(database())).id, 'system');
      const address = uniqueAddress();
      for (let attempt = 0; attempt < 10; attempt++) {
        expect((await loginResponse(admin.username, 'wrong', address)).statusCode).toBe(401);
      }
      const limited = await loginResponse(admin.username, TEST_PASSWORD, address);
      expect(limited.statusCode).toBe(429);
      expect(errorCode(limited)).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await loginResponse(admin.username, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('refuses a malformed login body with validation_failed', async () => {
      const response = await app().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('validation_failed');
    });
  });

  describe('sessions', () => {
    it('tells who is logged in', async () => {
      const og = await createOg(database());
      const { admin, agent } = await adminAgent(app(), database(), og.id, 'app-admin');
      const response = await call(app(), agent, 'GET', '/api/v1/auth/me');
      expect(response.json()).toEqual({ kind: 'admin', id: admin.id, name: admin.username, role: 'app-admin', homeOgId: og.id });
    });

    it('requires authentication: 401 with the error shape', async () => {
      const response = await app().inject({ method: 'GET', url: '/api/v1/auth/me' });
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('unauthenticated');
      expect(response.headers['www-authenticate']).toContain('Bearer');
    });

    it('refuses unsafe requests without the right CSRF token, and accepts them with it', async () => {
      const og = await createOg(database());
      const { agent } = await adminAgent(app(), database(), og.id, 'system');
      const body = { parentId: og.id, name: 'Sales' };
      const missing = await app().inject({ method: 'POST', url: '/api/v1/ogs', headers: agent.headers, payload: body });
      const wrongHeaders = { ...agent.headers, 'x-csrf-token': 'not-the-token' };
      const wrong = await app().inject({ method: 'POST', url: '/api/v1/ogs', headers: wrongHeaders, payload: body });
      for (const refused of [missing, wrong]) {
        expect(refused.statusCode).toBe(403);
        expect(errorCode(refused)).toBe('auth.csrf_failed');
      }
      expect((await call(app(), agent, 'POST', '/api/v1/ogs', body)).statusCode).toBe(201);
    });

    it('does not accept the CSRF token of another session', async () => {
      const og = await createOg(database());
      const first = await adminAgent(app(), database(), og.id, 'system');
      const second = await adminAgent(app(), database(), og.id, 'system');
      const mixed = { headers: first.agent.headers, csrfToken: second.agent.csrfToken };
      const response = await call(app(), mixed, 'POST', '/api/v1/ogs', { parentId: og.id, name: 'Mixed' });
      expect(response.statusCode).toBe(403);
    });

    it('ends the session at logout', async () => {
      const { agent } = await adminAgent(app(), database(), (await createOg(database())).id, 'read-only');
      const logout = await call(app(), agent, 'POST', '/api/v1/auth/logout');
      expect(logout.statusCode).toBe(204);
      expect(logout.cookies.find((cookie) => cookie.name === 'provisio_session')?.value).toBe('');
      expect((await call(app(), agent, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    });

    it('expires sessions after their lifetime', async () => {
      const { agent } = await adminAgent(app(), database(), (await createOg(database())).id, 'read-only');
      context.clock.advance(SESSION_TTL_MS + 1_000);
      try {
        expect((await call(app(), agent, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
      } finally {
        context.clock.advance(-(SESSION_TTL_MS + 1_000));
      }
    });

    it('stops accepting the session of an admin who was disabled', async () => {
      const og = await createOg(database());
      const { admin, agent } = await adminAgent(app(), database(), og.id, 'app-admin');
      const { agent: boss } = await adminAgent(app(), database(), og.id, 'system');
      expect((await call(app(), boss, 'PATCH', `/api/v1/admins/${admin.id}`, { disabled: true })).statusCode).toBe(200);
      expect((await call(app(), agent, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    });
  });

  describe('own password', () => {
    it('changes with the current password, ending every session of the admin', async () => {
      const og = await createOg(database());
      const { admin, agent } = await adminAgent(app(), database(), og.id, 'read-only');
      const other = await login(app(), admin.username);
      const change = { currentPassword: TEST_PASSWORD, newPassword: 'a much better password' };
      expect((await call(app(), agent, 'POST', '/api/v1/auth/password', change)).statusCode).toBe(204);
      expect((await call(app(), other, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
      expect((await loginResponse(admin.username, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await loginResponse(admin.username, 'a much better password')).statusCode).toBe(200);
    });

    it('refuses a wrong current password and a short new one', async () => {
      const { agent } = await adminAgent(app(), database(), (await createOg(database())).id, 'system');
      const wrong = await call(app(), agent, 'POST', '/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'long enough' });
      expect(wrong.statusCode).toBe(403);
      expect(errorCode(wrong)).toBe('auth.wrong_password');
      const short = await call(app(), agent, 'POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
      expect(short.statusCode).toBe(400);
      expect(errorCode(short)).toBe('validation_failed');
    });
  });
});
