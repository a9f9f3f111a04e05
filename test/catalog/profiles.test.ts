import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminAgent, call, createOg, errorCode } from '../http/fixtures.js';
import { appFixture, catalogRows, codeSigner, daysFromNow, profileFor, uniqueBundleId, uploadApp, uploadProfile } from './fixtures.js';
import { forEachCatalogApp } from './harness.js';

interface ProfileBody {
  id: number;
  uuid: string;
  name: string;
  lineageVersion: number;
  daysLeft: number;
  status: string;
}

interface Page {
  items: ProfileBody[];
  nextCursor: string | null;
}

interface UploadedProfileBody {
  profile: ProfileBody;
  created: boolean;
}

interface ProfileDetailBody extends ProfileBody {
  certificates: { sha256: string }[];
  sharedBy: { appId: number; appName: string; bundleId: string }[];
  lineage: { id: number; lineageVersion: number }[];
}

forEachCatalogApp((context) => {
  const app = () => context.app();

  async function setup() {
    const og = await createOg(context.database());
    return { og: og.id, agent: (await adminAgent(app(), context.database(), og.id, 'app-admin')).agent };
  }

  describe('uploading a profile', () => {
    it('stores it once: the same UUID again answers 200 with the stored profile and writes nothing', async () => {
      const { og, agent } = await setup();
      const profile = profileFor({ bundleId: uniqueBundleId(), expirationDate: daysFromNow(45) });
      const first = await uploadProfile(app(), agent, og, profile.bytes);
      expect(first.statusCode, first.body).toBe(201);
      const stored = { uuid: profile.uuid, lineageVersion: 1, daysLeft: 44, status: 'active' };
      expect(first.json<UploadedProfileBody>()).toMatchObject({ created: true, profile: stored });
      const rowsAfterFirst = await catalogRows(context.database(), og);
      const again = await uploadProfile(app(), agent, og, profile.bytes);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<UploadedProfileBody>()).toEqual({ ...first.json<UploadedProfileBody>(), created: false });
      expect(await catalogRows(context.database(), og)).toEqual(rowsAfterFirst);
      expect(rowsAfterFirst).toMatchObject({ profiles: 1, certificates: 1, auditEntries: 1 });
    });

    it('records a newer profile with the same App ID and name as the next version of its lineage', async () => {
      const { og, agent } = await setup();
      const bundleId = uniqueBundleId();
      const first = await uploadProfile(app(), agent, og, profileFor({ bundleId, name: 'Acme In House' }).bytes);
      const newer = profileFor({ bundleId, name: 'Acme In House', expirationDate: daysFromNow(365) });
      const renewed = await uploadProfile(app(), agent, og, newer.bytes);
      expect(renewed.statusCode, renewed.body).toBe(201);
      const [one, two] = [first.json<UploadedProfileBody>().profile, renewed.json<UploadedProfileBody>().profile];
      expect(two.lineageVersion).toBe(2);
      const detail = (await call(app(), agent, 'GET', `/api/v1/profiles/${two.id}`)).json<ProfileDetailBody>();
      expect(detail.lineage.map((entry) => [entry.id, entry.lineageVersion])).toEqual([
        [one.id, 1],
        [two.id, 2],
      ]);
      const otherName = await uploadProfile(app(), agent, og, profileFor({ bundleId, name: 'Acme Other' }).bytes);
      expect(otherName.json<UploadedProfileBody>().profile.lineageVersion).toBe(1);
    });

    it('refuses other signed bytes under a UUID the group already holds (409 profile.uuid_conflict)', async () => {
      const { og, agent } = await setup();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId });
      await uploadProfile(app(), agent, og, profile.bytes);
      const impostor = profileFor({ bundleId, uuid: profile.uuid, name: 'Same UUID, other content' });
      const response = await uploadProfile(app(), agent, og, impostor.bytes);
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('profile.uuid_conflict');
      expect(await catalogRows(context.database(), og)).toMatchObject({ profiles: 1 });
    });
  });

  describe('a profile shared by apps', () => {
    async function twoAppsSharingAProfile() {
      const { og, agent } = await setup();
      const signer = codeSigner();
      const stem = `com.acme.shared${randomBytes(3).toString('hex')}`;
      const shared = profileFor({ bundleId: `${stem}.*`, signer, name: 'Acme Shared' });
      const ids: number[] = [];
      for (const name of ['one', 'two']) {
        const fixture = await appFixture({ bundleId: `${stem}.${name}`, displayName: `App ${name}`, signer, profile: null });
        const response = await uploadApp(app(), agent, { og, ipa: fixture.ipa, profile: shared.bytes });
        expect(response.statusCode, response.body).toBe(201);
        const { version } = response.json<{ version: { bundles: { profile: { id: number } }[] } }>();
        ids.push(version.bundles[0]?.profile.id ?? 0);
      }
      expect(ids[0]).toBe(ids[1]);
      return { og, agent, stem, shared, profileId: ids[0] ?? 0 };
    }

    it('lists every app version that shares it', async () => {
      const { agent, stem, profileId } = await twoAppsSharingAProfile();
      const detail = await call(app(), agent, 'GET', `/api/v1/profiles/${profileId}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const body = detail.json<ProfileDetailBody>();
      expect(body.sharedBy.map((usage) => [usage.appName, usage.bundleId])).toEqual([
        ['App one', `${stem}.one`],
        ['App two', `${stem}.two`],
      ]);
      expect(body.certificates).toHaveLength(1);
    });

    it('refuses to delete it while apps use it, naming them in details', async () => {
      const { agent, profileId } = await twoAppsSharingAProfile();
      const response = await call(app(), agent, 'DELETE', `/api/v1/profiles/${profileId}`);
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('profile.in_use');
      const details = response.json<{ error: { details: { apps: { name: string; versions: unknown[] }[] } } }>().error.details;
      expect(details.apps.map((entry) => [entry.name, entry.versions.length])).toEqual([
        ['App one', 1],
        ['App two', 1],
      ]);
      expect((await call(app(), agent, 'GET', `/api/v1/profiles/${profileId}`)).statusCode).toBe(200);
    });

    it('downloads the exact signed bytes', async () => {
      const { agent, shared, profileId } = await twoAppsSharingAProfile();
      const response = await call(app(), agent, 'GET', `/api/v1/profiles/${profileId}/download`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/x-apple-aspen-mobileprovision');
      expect(response.headers['content-disposition']).toBe('attachment; filename="Acme Shared.mobileprovision"');
      expect(new Uint8Array(response.rawPayload)).toEqual(shared.bytes);
    });
  });

  describe('deleting and listing', () => {
    it('deletes an unused profile, audited; afterwards it is not found', async () => {
      const { og, agent } = await setup();
      const uploaded = await uploadProfile(app(), agent, og, profileFor({ bundleId: uniqueBundleId() }).bytes);
      const { id } = uploaded.json<UploadedProfileBody>().profile;
      const deleted = await call(app(), agent, 'DELETE', `/api/v1/profiles/${id}`);
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect((await call(app(), agent, 'GET', `/api/v1/profiles/${id}`)).statusCode).toBe(404);
      const audit = await call(app(), agent, 'GET', `/api/v1/audit?ogId=${og}&action=profile.delete`);
      expect(audit.json()).toMatchObject({ items: [{ objectId: id }] });
    });

    it('lists profiles soonest expiry first, filtered by expiry window, search and type, page by page', async () => {
      const { og, agent } = await setup();
      for (const [days, name, type] of [[200, 'Beta', 'enterprise'], [20, 'Alpha', 'enterprise'], [100, 'Gamma', 'adhoc']] as const) {
        const profile = profileFor({ bundleId: uniqueBundleId(), name, type, expirationDate: daysFromNow(days) });
        const response = await uploadProfile(app(), agent, og, profile.bytes);
        expect(response.statusCode, response.body).toBe(201);
      }
      const list = async (query: string) => (await call(app(), agent, 'GET', `/api/v1/profiles?og=${og}${query}`)).json<Page>();
      const names = async (query: string) => (await list(query)).items.map((item) => item.name);
      expect(await names('')).toEqual(['Alpha', 'Gamma', 'Beta']);
      expect(await names('&expiringWithin=100')).toEqual(['Alpha', 'Gamma']);
      expect(await names('&search=amm')).toEqual(['Gamma']);
      expect(await names('&type=enterprise&sort=name')).toEqual(['Alpha', 'Beta']);
      const first = await list('&limit=2');
      const rest = await list(`&limit=2&cursor=${first.nextCursor ?? ''}`);
      expect([...first.items, ...rest.items].map((item) => item.name)).toEqual(['Alpha', 'Gamma', 'Beta']);
      expect(rest.nextCursor).toBeNull();
    });
  });
});
