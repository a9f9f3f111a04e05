import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from './fixtures.js';
import { adminAgent, call, createOg, errorCode, unique } from './fixtures.js';
import { forEachApp } from './harness.js';

interface OgBody {
  id: number;
  parentId: number | null;
  name: string;
  depth: number;
}

interface TreeBody extends OgBody {
  children: TreeBody[];
}

interface AuditPage {
  items: { action: string; objectId: number; ogId: number; remoteAddress: string; actor: { kind: string; id: number } }[];
}

forEachApp((context) => {
  const app = () => context.app();
  let home: number;
  let agent: Agent;
  let adminId: number;

  beforeAll(async () => {
    home = (await createOg(context.database())).id;
    const created = await adminAgent(app(), context.database(), home, 'system');
    agent = created.agent;
    adminId = created.admin.id;
  });

  async function create(parentId: number, name = unique('og')): Promise<OgBody> {
    const response = await call(app(), agent, 'POST', '/api/v1/ogs', { parentId, name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<OgBody>();
  }

  describe('organization groups', () => {
    it('are created under a parent and shown as a tree under the caller’s home', async () => {
      const europe = await create(home, 'Europe');
      const benelux = await create(europe.id, 'Benelux');
      await create(europe.id, 'Alps');
      expect(benelux).toMatchObject({ parentId: europe.id, name: 'Benelux' });
      const tree = (await call(app(), agent, 'GET', '/api/v1/ogs/tree')).json<TreeBody>();
      expect(tree.id).toBe(home);
      const europeNode = tree.children.find((child) => child.id === europe.id);
      expect(europeNode?.children.map((child) => child.name)).toEqual(['Alps', 'Benelux']);
      expect(europeNode?.children[0]?.depth).toBe(europeNode === undefined ? -1 : europeNode.depth + 1);
    });

    it('are renamed and moved in one request', async () => {
      const from = await create(home);
      const to = await create(home);
      const moving = await create(from.id);
      const response = await call(app(), agent, 'PATCH', `/api/v1/ogs/${moving.id}`, { name: 'Moved', parentId: to.id });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: moving.id, name: 'Moved', parentId: to.id });
    });

    it('refuse a move below themselves with og.cycle', async () => {
      const top = await create(home);
      const below = await create(top.id);
      const response = await call(app(), agent, 'PATCH', `/api/v1/ogs/${top.id}`, { parentId: below.id });
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('og.cycle');
    });

    it('refuse a sibling with the same name with 409 conflict', async () => {
      const name = unique('twin');
      await create(home, name);
      const response = await call(app(), agent, 'POST', '/api/v1/ogs', { parentId: home, name });
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('conflict');
    });

    it('are deleted only when empty', async () => {
      const parent = await create(home);
      const child = await create(parent.id);
      const refused = await call(app(), agent, 'DELETE', `/api/v1/ogs/${parent.id}`);
      expect(refused.statusCode).toBe(409);
      expect(errorCode(refused)).toBe('og.not_empty');
      expect((await call(app(), agent, 'DELETE', `/api/v1/ogs/${child.id}`)).statusCode).toBe(204);
      expect((await call(app(), agent, 'DELETE', `/api/v1/ogs/${parent.id}`)).statusCode).toBe(204);
      expect((await call(app(), agent, 'GET', `/api/v1/ogs/${parent.id}`)).statusCode).toBe(404);
    });

    it('protect Global from being moved or deleted', async () => {
      const global = await context.database().repositories.ogs.rootScope();
      const { agent: root } = await adminAgent(app(), context.database(), global.ogId, 'system');
      const response = await call(app(), root, 'DELETE', `/api/v1/ogs/${global.ogId}`);
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('og.root');
    });

    it('write an audit entry for every change, with actor and address', async () => {
      const og = await create(home);
      await call(app(), agent, 'PATCH', `/api/v1/ogs/${og.id}`, { name: unique('renamed') });
      await call(app(), agent, 'DELETE', `/api/v1/ogs/${og.id}`);
      const audit = (await call(app(), agent, 'GET', `/api/v1/audit?objectType=og&objectId=${og.id}`)).json<AuditPage>();
      expect(audit.items.map((entry) => entry.action)).toEqual(['og.delete', 'og.rename', 'og.create']);
      for (const entry of audit.items) {
        expect(entry).toMatchObject({ actor: { kind: 'admin', id: adminId }, remoteAddress: '127.0.0.1' });
      }
      expect(audit.items.every((entry) => entry.ogId === home)).toBe(true);
    });

    it('validate names and ids', async () => {
      const blank = await call(app(), agent, 'POST', '/api/v1/ogs', { parentId: home, name: '   ' });
      expect(blank.statusCode).toBe(400);
      expect(errorCode(blank)).toBe('validation_failed');
      const badId = await call(app(), agent, 'GET', '/api/v1/ogs/abc');
      expect(badId.statusCode).toBe(400);
      const empty = await call(app(), agent, 'PATCH', `/api/v1/ogs/${home}`, {});
      expect(empty.statusCode).toBe(400);
    });
  });
});
