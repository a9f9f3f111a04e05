import { describe, expect, it } from 'vitest';
import { adminAgent, call, createAdmin, createOg, TEST_PASSWORD, tokenAgent, unique } from './fixtures.js';
import { forEachApp } from './harness.js';

forEachApp((context) => {
  const app = () => context.app();

  function logLines(): Record<string, unknown>[] {
    return context
      .logs()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  describe('logs', () => {
    it('are one JSON object per line, with request details', async () => {
      await app().inject({ method: 'GET', url: '/healthz' });
      const lines = logLines();
      expect(lines.some((line) => line.msg === 'incoming request')).toBe(true);
      expect(lines.some((line) => line.msg === 'request completed' && typeof line.responseTime === 'number')).toBe(true);
    });

    it('never contain passwords, session ids, CSRF tokens or bearer tokens', async () => {
      const og = await createOg(context.database());
      const admin = await createAdmin(context.database(), og.id, 'system');
      const wrongPassword = unique('wrong-password');
      await app().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: admin.username, password: wrongPassword } });
      const login = await app().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: admin.username, password: TEST_PASSWORD } });
      const sessionId = login.cookies[0]?.value ?? '';
      const { csrfToken } = login.json<{ csrfToken: string }>();
      const { secret } = await tokenAgent(context.database(), og.id, 'read-only');
      await app().inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${secret}` } });
      await app().inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${secret}x` } });
      const { agent } = await adminAgent(app(), context.database(), og.id, 'system');
      await call(app(), agent, 'POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'new-secret-password' });
      const logs = context.logs();
      expect(logs).toContain('/api/v1/auth/login');
      for (const secretValue of [TEST_PASSWORD, wrongPassword, sessionId, csrfToken, secret, 'new-secret-password']) {
        expect(secretValue.length).toBeGreaterThan(8);
        expect(logs).not.toContain(secretValue);
      }
    });

    it('redact secrets wherever a log call includes them', () => {
      const bearer = `Bearer ${unique('prv_leak')}`;
      app().log.info(
        {
          req: { headers: { authorization: bearer, cookie: 'provisio_session=leak-cookie', 'x-csrf-token': 'leak-csrf' } },
          res: { headers: { 'set-cookie': 'provisio_session=leak-set-cookie' } },
          body: { username: 'admin', password: 'leak-password' },
          token: 'leak-token',
          config: { databaseUrl: 'postgres://user:leak-db@db/provisio', adminPassword: 'leak-admin' },
        },
        'redaction probe',
      );
      const probe = logLines().find((line) => line.msg === 'redaction probe');
      const text = JSON.stringify(probe);
      expect(text).toContain('[redacted]');
      expect(text).toContain('"username":"admin"');
      expect(text).not.toMatch(/leak/);
    });
  });
});
