import { describe, expect, it } from 'vitest';
import { adminAgent, call, createOg } from '../http/fixtures.js';
import { appFixture, codeSigner, daysFromNow, profileFor, uniqueBundleId, uploadApp } from './fixtures.js';
import { forEachCatalogApp } from './harness.js';

interface AppBody {
  id: number;
  name: string;
  effectiveExpiry: string | null;
  daysLeft: number | null;
}

interface VersionBody {
  id: number;
  build: string;
  status: string;
  bundles: { bundleId: string; profile: { uuid: string } }[];
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

forEachCatalogApp((context) => {
  const app = () => context.app();

  async function setup() {
    const og = await createOg(context.database());
    return { og: og.id, agent: (await adminAgent(app(), context.database(), og.id, 'app-admin')).agent };
  }

  /** Uploads an app named `name` whose profile expires in `days` days; returns its id. */
  async function upload(og: number, agent: Awaited<ReturnType<typeof setup>>['agent'], name: string, days: number) {
    const signer = codeSigner();
    const bundleId = uniqueBundleId();
    const profile = profileFor({ bundleId, signer, expirationDate: daysFromNow(days) });
    const response = await uploadApp(app(), agent, { og, ipa: (await appFixture({ bundleId, signer, profile, displayName: name })).ipa });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ app: AppBody }>().app.id;
  }

  describe('listing apps', () => {
    it('shows each app with its effective expiry and days left, by name or soonest expiry first', async () => {
      const { og, agent } = await setup();
      await upload(og, agent, 'Beta', 90);
      await upload(og, agent, 'Alpha', 200);
      await upload(og, agent, 'Gamma', 10);
      const list = async (query: string) => (await call(app(), agent, 'GET', `/api/v1/apps?og=${og}${query}`)).json<Page<AppBody>>().items;
      expect((await list('')).map((item) => [item.name, item.daysLeft])).toEqual([
        ['Alpha', 199],
        ['Beta', 89],
        ['Gamma', 9],
      ]);
      expect((await list('&sort=expiry')).map((item) => item.name)).toEqual(['Gamma', 'Beta', 'Alpha']);
      expect((await list('&expiringWithin=90')).map((item) => item.name)).toEqual(['Beta', 'Gamma']);
      expect((await list('&search=alp')).map((item) => item.name)).toEqual(['Alpha']);
    });

    it('pages with a cursor, and rejects a cursor of another order', async () => {
      const { og, agent } = await setup();
      for (const name of ['A', 'B', 'C']) await upload(og, agent, name, 100);
      const first = (await call(app(), agent, 'GET', `/api/v1/apps?og=${og}&limit=2`)).json<Page<AppBody>>();
      expect(first.items.map((item) => item.name)).toEqual(['A', 'B']);
      const second = (await call(app(), agent, 'GET', `/api/v1/apps?og=${og}&limit=2&cursor=${first.nextCursor}`)).json<Page<AppBody>>();
      expect(second).toMatchObject({ items: [{ name: 'C' }], nextCursor: null });
      const mixed = await call(app(), agent, 'GET', `/api/v1/apps?og=${og}&sort=expiry&cursor=${first.nextCursor}`);
      expect(mixed.statusCode).toBe(400);
    });

    it('includes the apps of groups below the one asked for', async () => {
      const { og, agent } = await setup();
      const child = await createOg(context.database(), og);
      await upload(child.id, agent, 'In the child', 100);
      const items = (await call(app(), agent, 'GET', `/api/v1/apps?og=${og}`)).json<Page<AppBody>>().items;
      expect(items.map((item) => item.name)).toEqual(['In the child']);
      expect((await call(app(), agent, 'GET', `/api/v1/apps?og=${child.id}`)).json<Page<AppBody>>().items).toHaveLength(1);
    });
  });

  describe('an app and its versions', () => {
    it('shows the detail with the newest versions and each bundle’s profile', async () => {
      const { og, agent } = await setup();
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer });
      for (const version of ['1', '2']) {
        const response = await uploadApp(app(), agent, { og, ipa: (await appFixture({ bundleId, signer, profile, version })).ipa });
        expect(response.statusCode, response.body).toBe(201);
      }
      const id = (await call(app(), agent, 'GET', `/api/v1/apps?og=${og}`)).json<Page<AppBody>>().items[0]?.id;
      const detail = await call(app(), agent, 'GET', `/api/v1/apps/${id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const body = detail.json<AppBody & { versions: Page<VersionBody> }>();
      expect(body.versions.items.map((version) => version.build)).toEqual(['2', '1']);
      const usesProfile = expect.objectContaining({ uuid: profile.uuid }) as unknown;
      expect(body.versions.items[0]?.bundles).toEqual([expect.objectContaining({ bundleId, profile: usesProfile })]);
      const versions = (await call(app(), agent, 'GET', `/api/v1/apps/${id}/versions?limit=1`)).json<Page<VersionBody>>();
      expect(versions.items.map((version) => version.build)).toEqual(['2']);
      expect(versions.nextCursor).not.toBeNull();
    });

    it('retires a version: the app’s effective expiry follows the versions still active', async () => {
      const { og, agent } = await setup();
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const soon = profileFor({ bundleId, signer, expirationDate: daysFromNow(30) });
      const later = profileFor({ bundleId, signer, expirationDate: daysFromNow(300) });
      const old = await uploadApp(app(), agent, { og, ipa: (await appFixture({ bundleId, signer, profile: soon, version: '1' })).ipa });
      await uploadApp(app(), agent, { og, ipa: (await appFixture({ bundleId, signer, profile: later, version: '2' })).ipa });
      const { app: uploaded, version } = old.json<{ app: AppBody; version: VersionBody }>();
      expect((await call(app(), agent, 'GET', `/api/v1/apps/${uploaded.id}`)).json<AppBody>().daysLeft).toBe(29);
      const retired = await call(app(), agent, 'POST', `/api/v1/apps/${uploaded.id}/versions/${version.id}/retire`);
      expect(retired.statusCode, retired.body).toBe(200);
      expect(retired.json<VersionBody>().status).toBe('retired');
      expect((await call(app(), agent, 'GET', `/api/v1/apps/${uploaded.id}`)).json<AppBody>().daysLeft).toBe(299);
      const again = await call(app(), agent, 'POST', `/api/v1/apps/${uploaded.id}/versions/${version.id}/retire`);
      expect(again.json<VersionBody>().status).toBe('retired');
      const audit = (await call(app(), agent, 'GET', `/api/v1/audit?ogId=${og}&action=app_version.retire`)).json<Page<unknown>>();
      expect(audit.items).toHaveLength(1);
    });

    it('answers 404 for a version of another app', async () => {
      const { og, agent } = await setup();
      const first = (await uploadApp(app(), agent, { og, ipa: (await appFixture()).ipa })).json<{ app: AppBody; version: VersionBody }>();
      const second = (await uploadApp(app(), agent, { og, ipa: (await appFixture()).ipa })).json<{ app: AppBody; version: VersionBody }>();
      const crossed = await call(app(), agent, 'POST', `/api/v1/apps/${first.app.id}/versions/${second.version.id}/retire`);
      expect(crossed.statusCode).toBe(404);
    });
  });
});
