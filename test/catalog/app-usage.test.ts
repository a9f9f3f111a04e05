import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { adminAgent, call, createOg } from '../http/fixtures.js';
import type { Agent } from '../http/fixtures.js';
import { appFixture, codeSigner, profileFor, uniqueBundleId, uploadApp } from './fixtures.js';
import type { AppFixture } from './fixtures.js';
import { forEachCatalogApp } from './harness.js';

interface UsageBody {
  id: number;
  ogId: number;
  currentVersion: { shortVersion: string; build: string } | null;
  installCount: number;
}

interface Uploaded {
  app: UsageBody;
  version: { id: number };
}

forEachCatalogApp((context) => {
  const app = () => context.app();

  async function upload(agent: Agent, og: number, fixture: Promise<AppFixture>): Promise<Uploaded> {
    const response = await uploadApp(app(), agent, { og, ipa: (await fixture).ipa });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Uploaded>();
  }

  /** A device enrolled in `ogId` that reports `bundleIds` as installed. */
  async function deviceWith(ogId: number, bundleIds: readonly string[]): Promise<void> {
    const { devices, ogs } = context.database().repositories;
    const root = await ogs.rootScope();
    const device = await devices.upsert(root, { udid: randomUUID(), ogId, seenAt: new Date() });
    if (device === undefined) throw new Error('the OG vanished');
    await devices.recordInstallations(root, device.id, bundleIds.map((bundleId) => ({ bundleId })), new Date());
  }

  async function listed(agent: Agent, og: number): Promise<UsageBody[]> {
    return (await call(app(), agent, 'GET', `/api/v1/apps?og=${og}`)).json<{ items: UsageBody[] }>().items;
  }

  it('lists each app with its newest active version, a retired newer one left out', async () => {
    const og = await createOg(context.database());
    const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
    const bundleId = uniqueBundleId();
    const signer = codeSigner();
    const profile = profileFor({ bundleId, signer });
    const first = await upload(agent, og.id, appFixture({ bundleId, signer, profile, shortVersion: '1.0', version: '10' }));
    expect(first.app.currentVersion).toEqual({ shortVersion: '1.0', build: '10' });
    const second = await upload(agent, og.id, appFixture({ bundleId, signer, profile, shortVersion: '1.1', version: '11' }));
    expect((await listed(agent, og.id)).map((item) => item.currentVersion)).toEqual([{ shortVersion: '1.1', build: '11' }]);
    const retired = await call(app(), agent, 'POST', `/api/v1/apps/${second.app.id}/versions/${second.version.id}/retire`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await listed(agent, og.id)).map((item) => item.currentVersion)).toEqual([{ shortVersion: '1.0', build: '10' }]);
    await call(app(), agent, 'POST', `/api/v1/apps/${first.app.id}/versions/${first.version.id}/retire`);
    const detail = (await call(app(), agent, 'GET', `/api/v1/apps/${first.app.id}`)).json<UsageBody>();
    expect(detail).toMatchObject({ currentVersion: null, installCount: 0 });
  });

  it('counts the distinct devices of the app’s group and below, apart from a sibling group’s copy', async () => {
    const customer = await createOg(context.database());
    const east = await createOg(context.database(), customer.id);
    const eastStore = await createOg(context.database(), east.id);
    const west = await createOg(context.database(), customer.id);
    const { agent } = await adminAgent(app(), context.database(), customer.id, 'app-admin');
    const bundleId = uniqueBundleId();
    const signer = codeSigner();
    const profile = profileFor({ bundleId, signer });
    const eastApp = await upload(agent, east.id, appFixture({ bundleId, signer, profile }));
    const westApp = await upload(agent, west.id, appFixture({ bundleId, signer, profile }));
    await deviceWith(east.id, [bundleId, 'com.apple.mobilesafari']);
    await deviceWith(eastStore.id, [bundleId]);
    await deviceWith(west.id, ['com.apple.mobilesafari']);
    const counts = new Map((await listed(agent, customer.id)).map((item) => [item.id, item.installCount]));
    expect([counts.get(eastApp.app.id), counts.get(westApp.app.id)]).toEqual([2, 0]);
    const detail = (await call(app(), agent, 'GET', `/api/v1/apps/${eastApp.app.id}`)).json<UsageBody>();
    expect(detail).toMatchObject({ installCount: 2, currentVersion: { shortVersion: '1.0', build: '1' } });
  });

  it('documents the version and install count of an app', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/openapi.json' });
    const schemas = response.json<{ components: { schemas: Record<string, { properties: object; required: string[] }> } }>().components.schemas;
    for (const name of ['App', 'AppDetail']) {
      expect(Object.keys(schemas[name]?.properties ?? {}), name).toEqual(expect.arrayContaining(['currentVersion', 'installCount']));
      expect(schemas[name]?.required, name).toEqual(expect.arrayContaining(['currentVersion', 'installCount']));
    }
  });
});
