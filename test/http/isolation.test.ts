import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from './fixtures.js';
import { adminAgent, call, createAdmin, createOg, errorCode, tokenAgent, unique } from './fixtures.js';
import { forEachApp } from './harness.js';

/** An id no object has. */
const MISSING = 999_999_999;

/** Ids of the objects the matrix aims at; tests ask with each id replaced by MISSING too. */
interface Targets {
  readonly og: number;
  readonly childOg: number;
  readonly siblingOg: number;
  readonly admin: number;
  readonly token: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RouteCase {
  readonly name: string;
  readonly method: Method;
  readonly url: (t: Targets) => string;
  readonly body?: (t: Targets) => object;
}

/** Every route that reaches an object of OG A, or places something in it. */
const ROUTES: readonly RouteCase[] = [
  { name: 'read an OG', method: 'GET', url: (t) => `/api/v1/ogs/${t.og}` },
  { name: 'rename an OG', method: 'PATCH', url: (t) => `/api/v1/ogs/${t.og}`, body: () => ({ name: unique('renamed') }) },
  { name: 'move an OG', method: 'PATCH', url: (t) => `/api/v1/ogs/${t.childOg}`, body: (t) => ({ parentId: t.og }) },
  { name: 'delete an OG', method: 'DELETE', url: (t) => `/api/v1/ogs/${t.og}` },
  { name: 'create an OG inside', method: 'POST', url: () => '/api/v1/ogs', body: (t) => ({ parentId: t.og, name: unique('og') }) },
  { name: 'read an admin', method: 'GET', url: (t) => `/api/v1/admins/${t.admin}` },
  { name: 'change an admin', method: 'PATCH', url: (t) => `/api/v1/admins/${t.admin}`, body: () => ({ role: 'read-only' }) },
  {
    name: 'create an admin inside',
    method: 'POST',
    url: () => '/api/v1/admins',
    body: (t) => ({ username: unique('new'), password: 'long enough password', role: 'read-only', homeOgId: t.og }),
  },
  { name: 'read a token', method: 'GET', url: (t) => `/api/v1/tokens/${t.token}` },
  { name: 'revoke a token', method: 'DELETE', url: (t) => `/api/v1/tokens/${t.token}` },
  { name: 'create a token inside', method: 'POST', url: () => '/api/v1/tokens', body: (t) => ({ name: 'x', role: 'read-only', ogId: t.og }) },
  { name: 'read the audit log of an OG', method: 'GET', url: (t) => `/api/v1/audit?ogId=${t.og}` },
];

const WRITES = ROUTES.filter((route) => route.method !== 'GET');

function missing(targets: Targets): Targets {
  return { og: MISSING, childOg: MISSING, siblingOg: targets.siblingOg, admin: MISSING, token: MISSING };
}

forEachApp((context) => {
  const app = () => context.app();
  let targets: Targets;
  const agents: Record<'insider' | 'sibling' | 'siblingToken' | 'child' | 'readOnly' | 'appAdmin', Agent> = {} as never;

  beforeAll(async () => {
    const database = context.database();
    const og = await createOg(database);
    const childOg = await createOg(database, og.id);
    const siblingOg = await createOg(database);
    const admin = await createAdmin(database, og.id, 'app-admin');
    const token = await tokenAgent(database, og.id, 'read-only');
    targets = { og: og.id, childOg: childOg.id, siblingOg: siblingOg.id, admin: admin.id, token: token.token.id };
    agents.insider = (await adminAgent(app(), database, og.id, 'system')).agent;
    agents.sibling = (await adminAgent(app(), database, siblingOg.id, 'system')).agent;
    agents.siblingToken = (await tokenAgent(database, siblingOg.id, 'system')).agent;
    agents.child = (await adminAgent(app(), database, childOg.id, 'system')).agent;
    agents.readOnly = (await adminAgent(app(), database, og.id, 'read-only')).agent;
    agents.appAdmin = (await adminAgent(app(), database, og.id, 'app-admin')).agent;
    // Something for the audit log of OG A.
    await call(app(), agents.insider, 'PATCH', `/api/v1/ogs/${og.id}`, { name: unique('acme') });
  });

  function send(agent: Agent, route: RouteCase, ids: Targets) {
    return call(app(), agent, route.method, route.url(ids), route.body?.(ids));
  }

  describe('OG isolation', () => {
    for (const outsider of ['sibling', 'siblingToken', 'child'] as const) {
      // Tokens never create tokens (403 whatever the OG), so that case says nothing about scope for them.
      const routes = outsider === 'siblingToken' ? ROUTES.filter((route) => route.name !== 'create a token inside') : ROUTES;
      it.each(routes)(`an admin of another subtree (${outsider}) gets the 404 of a missing object: $name`, async (route) => {
        const outside = await send(agents[outsider], route, targets);
        const absent = await send(agents[outsider], route, missing(targets));
        expect(outside.statusCode).toBe(404);
        expect(errorCode(outside)).toBe('not_found');
        expect(outside.json()).toEqual(absent.json());
      });
    }

    it('keeps listings to the caller’s subtree', async () => {
      const trees = await call(app(), agents.sibling, 'GET', '/api/v1/ogs/tree');
      expect(trees.json()).toMatchObject({ id: targets.siblingOg, children: [] });
      for (const url of ['/api/v1/admins', '/api/v1/tokens', '/api/v1/audit']) {
        const listed = (await call(app(), agents.sibling, 'GET', url)).json<{ items: { id: number; ogId?: number }[] }>();
        expect(JSON.stringify(listed.items)).not.toContain(`"ogId":${targets.og}`);
        expect(JSON.stringify(listed.items)).not.toContain(`"homeOgId":${targets.og}`);
      }
      const childTree = await call(app(), agents.child, 'GET', '/api/v1/ogs/tree');
      expect(childTree.json()).toMatchObject({ id: targets.childOg, parentId: targets.og });
    });

    it.each(WRITES)('a read-only admin cannot write in its own OG: 403 for $name', async (route) => {
      const refused = await send(agents.readOnly, route, targets);
      expect(refused.statusCode).toBe(403);
      expect(errorCode(refused)).toBe('auth.insufficient_role');
    });

    it.each(WRITES.filter((route) => !route.name.includes('token')))(
      'an app-admin cannot change OGs or admins: 403 for $name',
      async (route) => {
        expect((await send(agents.appAdmin, route, targets)).statusCode).toBe(403);
      },
    );

    it('lets an admin of the OG itself reach every object (the matrix can fail)', async () => {
      for (const route of ROUTES) {
        const response = await send(agents.insider, route, targets);
        expect(response.statusCode, `${route.name}: ${response.body}`).not.toBe(404);
        expect(response.statusCode, `${route.name}: ${response.body}`).toBeLessThan(500);
      }
    });
  });
});
