import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../http/fixtures.js';
import { adminAgent, call, createOg, errorCode, tokenAgent } from '../http/fixtures.js';
import { appFixture, profileFor, uniqueBundleId, uploadApp, uploadProfile } from './fixtures.js';
import { forEachCatalogApp } from './harness.js';

/** An id no object has. */
const MISSING = 999_999_999;

/** The objects of OG A the matrix aims at; every case is also asked with each id replaced by MISSING. */
interface Targets {
  readonly og: number;
  readonly app: number;
  readonly version: number;
  readonly profile: number;
  readonly device: number;
}

interface RouteCase {
  readonly name: string;
  readonly write: boolean;
  readonly send: (agent: Agent, t: Targets) => Promise<LightMyRequestResponse>;
}

forEachCatalogApp((context) => {
  const app = () => context.app();
  let targets: Targets;
  let ipa: Uint8Array;
  let profile: Uint8Array;
  const agents: Record<'insider' | 'sibling' | 'siblingToken' | 'child' | 'readOnly', Agent> = {} as never;

  const get = (url: (t: Targets) => string): RouteCase['send'] => (agent, t) => call(app(), agent, 'GET', url(t));

  /** Every catalog route that reaches an object of OG A, or places something in it. */
  const ROUTES: readonly RouteCase[] = [
    { name: 'list the apps of an OG', write: false, send: get((t) => `/api/v1/apps?og=${t.og}`) },
    { name: 'read an app', write: false, send: get((t) => `/api/v1/apps/${t.app}`) },
    { name: 'list the versions of an app', write: false, send: get((t) => `/api/v1/apps/${t.app}/versions`) },
    { name: 'list the profiles of an OG', write: false, send: get((t) => `/api/v1/profiles?og=${t.og}`) },
    { name: 'read a profile', write: false, send: get((t) => `/api/v1/profiles/${t.profile}`) },
    { name: 'download a profile', write: false, send: get((t) => `/api/v1/profiles/${t.profile}/download`) },
    { name: 'list the devices of an OG', write: false, send: get((t) => `/api/v1/devices?og=${t.og}`) },
    { name: 'read a device', write: false, send: get((t) => `/api/v1/devices/${t.device}`) },
    { name: 'upload an app into an OG', write: true, send: (agent, t) => uploadApp(app(), agent, { og: t.og, ipa }) },
    { name: 'upload a profile into an OG', write: true, send: (agent, t) => uploadProfile(app(), agent, t.og, profile) },
    {
      name: 'retire a version',
      write: true,
      send: (agent, t) => call(app(), agent, 'POST', `/api/v1/apps/${t.app}/versions/${t.version}/retire`),
    },
    // Last: the insider's pass deletes the profile.
    { name: 'delete a profile', write: true, send: (agent, t) => call(app(), agent, 'DELETE', `/api/v1/profiles/${t.profile}`) },
  ];

  function missing(): Targets {
    return { og: MISSING, app: MISSING, version: MISSING, profile: MISSING, device: MISSING };
  }

  beforeAll(async () => {
    const database = context.database();
    const og = await createOg(database);
    const childOg = await createOg(database, og.id);
    const siblingOg = await createOg(database);
    agents.insider = (await adminAgent(app(), database, og.id, 'app-admin')).agent;
    agents.sibling = (await adminAgent(app(), database, siblingOg.id, 'system')).agent;
    agents.siblingToken = (await tokenAgent(database, siblingOg.id, 'system')).agent;
    agents.child = (await adminAgent(app(), database, childOg.id, 'system')).agent;
    agents.readOnly = (await adminAgent(app(), database, og.id, 'read-only')).agent;
    ipa = (await appFixture()).ipa;
    profile = profileFor({ bundleId: uniqueBundleId() }).bytes;
    const appResponse = await uploadApp(app(), agents.insider, { og: og.id, ipa: (await appFixture()).ipa });
    const uploaded = appResponse.json<{ app: { id: number }; version: { id: number } }>();
    const profileResponse = await uploadProfile(app(), agents.insider, og.id, profileFor({ bundleId: uniqueBundleId() }).bytes);
    const unused = profileResponse.json<{ profile: { id: number } }>();
    const { devices, ogs } = database.repositories;
    const device = await devices.upsert(await ogs.rootScope(), { udid: randomBytes(20).toString('hex'), ogId: og.id, seenAt: new Date() });
    targets = { og: og.id, app: uploaded.app.id, version: uploaded.version.id, profile: unused.profile.id, device: device?.id ?? MISSING };
  });

  describe('OG isolation of the catalog', () => {
    for (const outsider of ['sibling', 'siblingToken', 'child'] as const) {
      it.each(ROUTES)(`an admin of another subtree (${outsider}) gets the 404 of a missing object: $name`, async (route) => {
        const outside = await route.send(agents[outsider], targets);
        const absent = await route.send(agents[outsider], missing());
        expect(outside.statusCode, outside.body).toBe(404);
        expect(errorCode(outside)).toBe('not_found');
        expect(outside.json()).toEqual(absent.json());
      });
    }

    it('keeps listings to the caller’s subtree', async () => {
      for (const url of ['/api/v1/apps', '/api/v1/profiles', '/api/v1/devices']) {
        for (const outsider of ['sibling', 'child'] as const) {
          const listed = (await call(app(), agents[outsider], 'GET', url)).json<{ items: { ogId: number }[] }>();
          expect(listed.items.filter((item) => item.ogId === targets.og), `${outsider} ${url}`).toEqual([]);
        }
        const own = (await call(app(), agents.readOnly, 'GET', url)).json<{ items: { ogId: number }[] }>();
        expect(own.items.some((item) => item.ogId === targets.og), url).toBe(true);
      }
    });

    it.each(ROUTES.filter((route) => route.write))('a read-only admin cannot write in its own OG: 403 for $name', async (route) => {
      const refused = await route.send(agents.readOnly, targets);
      expect(refused.statusCode).toBe(403);
      expect(errorCode(refused)).toBe('auth.insufficient_role');
    });

    it('lets an app-admin of the OG itself reach every object (the matrix can fail)', async () => {
      for (const route of ROUTES) {
        const response = await route.send(agents.insider, targets);
        expect(response.statusCode, `${route.name}: ${response.body}`).toBeLessThan(300);
      }
    });
  });
});
