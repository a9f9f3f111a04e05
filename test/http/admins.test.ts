import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from './fixtures.js';
import { adminAgent, call, createOg, errorCode, login, unique } from './fixtures.js';
import { forEachApp } from './harness.js';

interface AdminBody {
  id: number;
  username: string;
  role: string;
  homeOgId: number;
  disabled: boolean;
}

forEachApp((context) => {
  const app = () => context.app();
  let home: number;
  let agent: Agent;
  let selfId: number;

  beforeAll(async () => {
    home = (await createOg(context.database())).id;
    const created = await adminAgent(app(), context.database(), home, 'system');
    agent = created.agent;
    selfId = created.admin.id;
  });

  async function createAdmin(overrides: Partial<{ username: string; role: string; homeOgId: number }> = {}) {
    const body = { username: unique('ops'), password: 'initial password', role: 'app-admin', homeOgId: home, ...overrides };
    return call(app(), agent, 'POST', '/api/v1/admins', body);
  }

  describe('admins', () => {
    it('are created by system admins and can then log in', async () => {
      const response = await createAdmin();
      expect(response.statusCode).toBe(201);
      const admin = response.json<AdminBody>();
      expect(admin).toMatchObject({ role: 'app-admin', homeOgId: home, disabled: false });
      expect(response.body).not.toContain('password');
      const session = await login(app(), admin.username, 'initial password');
      expect((await call(app(), session, 'GET', '/api/v1/auth/me')).json()).toMatchObject({ id: admin.id });
    });

    it('have unique usernames: 409', async () => {
      const username = unique('taken');
      await createAdmin({ username });
      const response = await createAdmin({ username });
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('conflict');
    });

    it('are listed by username, filtered by role and search text', async () => {
      const marker = unique('findme');
      await createAdmin({ username: `${marker}-b`, role: 'read-only' });
      await createAdmin({ username: `${marker}-a`, role: 'read-only' });
      await createAdmin({ username: `${marker}-c`, role: 'app-admin' });
      const listed = await call(app(), agent, 'GET', `/api/v1/admins?role=read-only&search=${marker}`);
      expect(listed.json<{ items: AdminBody[] }>().items.map((admin) => admin.username)).toEqual([`${marker}-a`, `${marker}-b`]);
    });

    it('get a new role, and lose their sessions when disabled', async () => {
      const admin = (await createAdmin()).json<AdminBody>();
      const session = await login(app(), admin.username, 'initial password');
      const promoted = await call(app(), agent, 'PATCH', `/api/v1/admins/${admin.id}`, { role: 'read-only' });
      expect(promoted.json()).toMatchObject({ role: 'read-only' });
      expect((await call(app(), session, 'GET', '/api/v1/auth/me')).json()).toMatchObject({ role: 'read-only' });
      const disabled = await call(app(), agent, 'PATCH', `/api/v1/admins/${admin.id}`, { disabled: true });
      expect(disabled.json()).toMatchObject({ disabled: true });
      expect((await call(app(), session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    });

    it('cannot change their own role or status', async () => {
      const response = await call(app(), agent, 'PATCH', `/api/v1/admins/${selfId}`, { disabled: true });
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('admin.self_change');
    });

    it('are audited', async () => {
      const admin = (await createAdmin()).json<AdminBody>();
      await call(app(), agent, 'PATCH', `/api/v1/admins/${admin.id}`, { role: 'read-only' });
      const audit = await call(app(), agent, 'GET', `/api/v1/audit?objectType=admin&objectId=${admin.id}`);
      expect(audit.json()).toMatchObject({
        items: [
          { action: 'admin.update', details: { role: 'read-only' } },
          { action: 'admin.create', details: { username: admin.username, role: 'app-admin' } },
        ],
      });
    });
  });
});
