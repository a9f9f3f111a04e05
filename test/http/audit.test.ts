import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from './fixtures.js';
import { adminAgent, call, createOg, errorCode, tokenAgent, unique } from './fixtures.js';
import { forEachApp } from './harness.js';

interface AuditPage {
  items: { id: number; action: string; ogId: number; actor: { kind: string; id: number | null }; at: string }[];
  nextCursor: string | null;
}

forEachApp((context) => {
  const app = () => context.app();
  let home: number;
  let branch: number;
  let admin: { agent: Agent; id: number };
  let token: { agent: Agent; id: number };

  beforeAll(async () => {
    home = (await createOg(context.database())).id;
    const created = await adminAgent(app(), context.database(), home, 'system');
    admin = { agent: created.agent, id: created.admin.id };
    const made = await tokenAgent(context.database(), home, 'system');
    token = { agent: made.agent, id: made.token.id };
    // Five changes by the admin, two by the token; entries about an OG are filed under its parent.
    branch = (await call(app(), admin.agent, 'POST', '/api/v1/ogs', { parentId: home, name: 'Branch' })).json<{ id: number }>().id;
    for (let index = 0; index < 4; index++) {
      await call(app(), admin.agent, 'POST', '/api/v1/ogs', { parentId: branch, name: unique('leaf') });
    }
    await call(app(), token.agent, 'PATCH', `/api/v1/ogs/${branch}`, { name: 'Branch 2' });
    await call(app(), token.agent, 'PATCH', `/api/v1/ogs/${branch}`, { name: 'Branch 3' });
  });

  async function list(query: string, agent = admin.agent): Promise<AuditPage> {
    const response = await call(app(), agent, 'GET', `/api/v1/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AuditPage>();
  }

  describe('audit log', () => {
    it('pages newest first with a cursor, without gaps or repeats', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: AuditPage = await list(`limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toHaveLength(new Set(seen).size);
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
      expect(seen.length).toBeGreaterThanOrEqual(7);
    });

    it('filters by actor and action', async () => {
      const byToken = await list(`actor=token:${token.id}`);
      expect(byToken.items.map((item) => item.action)).toEqual(['og.rename', 'og.rename']);
      const creations = await list(`actor=admin:${admin.id}&action=og.create`);
      expect(creations.items).toHaveLength(5);
    });

    it('filters by OG subtree', async () => {
      const underBranch = await list(`ogId=${branch}`);
      expect(underBranch.items).toHaveLength(4);
      expect(underBranch.items.every((item) => item.ogId === branch)).toBe(true);
    });

    it('filters by time', async () => {
      const all = await list('limit=500');
      const newest = all.items[0];
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await list(`since=${encodeURIComponent(future)}`)).items).toEqual([]);
      const until = await list(`until=${encodeURIComponent(newest?.at ?? '')}`);
      expect(until.items.every((item) => item.at < (newest?.at ?? ''))).toBe(true);
    });

    it('validates its filters', async () => {
      for (const query of ['actor=robot:1', 'since=yesterday', 'limit=0', 'limit=100000']) {
        const response = await call(app(), admin.agent, 'GET', `/api/v1/audit?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(errorCode(response)).toBe('validation_failed');
      }
    });
  });
});
