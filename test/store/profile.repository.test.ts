import { describe, expect, it } from 'vitest';
import { createApp, createProfile, createScopedOg, day, defined, profileInput, versionInput } from './builders.js';
import { forEachDatabase } from './harness.js';
import { collectAll } from './paging.js';

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  describe('create', () => {
    it('stores every parsed field and reads it back', async () => {
      const acme = await createScopedOg(repositories());
      const input = profileInput(acme, {
        type: 'development',
        wildcard: true,
        bundleId: 'com.acme.*',
        platforms: ['iOS', 'xrOS'],
        provisionedDevices: ['00008030-001A2B3C4D5E6F70', '00008030-0011223344556677'],
        entitlements: { 'keychain-access-groups': ['ABCDE12345.*'], 'get-task-allow': true, nested: { depth: 2 } },
        signatureStatus: 'untrusted',
        uploadedBy: undefined,
      });
      const profile = defined(await repositories().profiles.create(acme.scope, input));
      expect(profile).toMatchObject({
        ogId: acme.og.id,
        uuid: input.uuid,
        type: 'development',
        wildcard: true,
        platforms: ['iOS', 'xrOS'],
        deviceCount: 2,
        provisionedDevices: input.provisionedDevices,
        entitlements: input.entitlements,
        creationDate: input.creationDate,
        expirationDate: input.expirationDate,
        signatureStatus: 'untrusted',
        status: 'active',
        supersededBy: undefined,
        lineageVersion: 1,
        uploadedBy: undefined,
      });
      expect(await repositories().profiles.get(acme.scope, profile.id)).toEqual(profile);
    });

    it('numbers versions within a lineage of the same App ID and name', async () => {
      const acme = await createScopedOg(repositories());
      const first = await createProfile(repositories(), acme);
      const second = await createProfile(repositories(), acme);
      const renamed = await createProfile(repositories(), acme, { name: 'Another name' });
      const otherApp = await createProfile(repositories(), acme, { bundleId: 'com.acme.other' });
      expect([first, second, renamed, otherApp].map(({ profile }) => profile.lineageVersion)).toEqual([1, 2, 1, 1]);
      const lineage = await repositories().profiles.lineage(acme.scope, second.profile.id);
      expect(lineage?.map((profile) => profile.id)).toEqual([first.profile.id, second.profile.id]);
    });

    it('refuses a UUID already stored in the OG, but not in another OG', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const { profile } = await createProfile(repositories(), acme);
      await expect(createProfile(repositories(), acme, { uuid: profile.uuid })).rejects.toMatchObject({ code: 'store.duplicate' });
      expect((await createProfile(repositories(), globex, { uuid: profile.uuid })).profile.uuid).toBe(profile.uuid);
      expect(await repositories().profiles.findByUuid(acme.scope, profile.uuid)).toEqual([profile]);
    });

    it('refuses an OG or a certificate outside the scope', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const { certificate } = await createProfile(repositories(), globex);
      const { profiles } = repositories();
      expect(await profiles.create(acme.scope, profileInput(globex))).toBeUndefined();
      expect(await profiles.create(acme.scope, profileInput(acme, { certificateIds: [certificate.id] }))).toBeUndefined();
      expect((await profiles.list(acme.scope)).items).toEqual([]);
    });

    it('leaves nothing behind when the surrounding transaction fails', async () => {
      const acme = await createScopedOg(repositories());
      const failure = new Error('blob write failed');
      await expect(
        context.database().transaction(async (inside) => {
          await createProfile(inside, acme);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect((await repositories().profiles.list(acme.scope)).items).toEqual([]);
      expect((await repositories().certificates.list(acme.scope)).items).toEqual([]);
    });
  });

  describe('scoping', () => {
    it('shows profiles to their OG and above, never to siblings or children', async () => {
      const { profiles } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const globex = await createScopedOg(repositories());
      const inAcme = (await createProfile(repositories(), acme)).profile;
      const inEast = (await createProfile(repositories(), east)).profile;
      expect(await profiles.get(acme.scope, inEast.id)).toEqual(inEast);
      expect(await profiles.get(east.scope, inAcme.id)).toBeUndefined();
      expect(await profiles.get(globex.scope, inAcme.id)).toBeUndefined();
      expect(await profiles.findByUuid(globex.scope, inAcme.uuid)).toEqual([]);
      expect(await profiles.lineage(globex.scope, inAcme.id)).toBeUndefined();
      expect(await profiles.usages(globex.scope, inAcme.id)).toBeUndefined();
      expect((await collectAll((page) => profiles.list(east.scope, {}, 'expiry', page))).map((p) => p.id)).toEqual([inEast.id]);
    });
  });

  describe('list', () => {
    it('pages by expiry through equal dates, by id', async () => {
      const acme = await createScopedOg(repositories());
      const ids: number[] = [];
      for (const expires of [30, 10, 30, 30, 10, 20, 30]) {
        ids.push((await createProfile(repositories(), acme, { expirationDate: day(expires) })).profile.id);
      }
      const listed = await collectAll((page) => repositories().profiles.list(acme.scope, {}, 'expiry', { ...page, limit: 3 }));
      expect(listed.map((profile) => profile.id)).toEqual([ids[1], ids[4], ids[5], ids[0], ids[2], ids[3], ids[6]]);
    });

    it('filters by UUID in any case, within the scope only', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const wanted = (await createProfile(repositories(), acme, {})).profile;
      await createProfile(repositories(), acme, {});
      const { profiles } = repositories();
      expect((await profiles.list(acme.scope, { uuid: wanted.uuid.toLowerCase() })).items.map((p) => p.id)).toEqual([wanted.id]);
      expect((await profiles.list(acme.scope, { uuid: wanted.uuid.toUpperCase() })).items.map((p) => p.id)).toEqual([wanted.id]);
      expect((await profiles.list(globex.scope, { uuid: wanted.uuid })).items).toEqual([]);
    });

    it('sorts by name and by upload time, newest first', async () => {
      const acme = await createScopedOg(repositories());
      const b = (await createProfile(repositories(), acme, { name: 'Bravo', uploadedAt: day(3) })).profile;
      const a = (await createProfile(repositories(), acme, { name: 'Alpha', uploadedAt: day(1) })).profile;
      const c = (await createProfile(repositories(), acme, { name: 'Charlie', uploadedAt: day(2) })).profile;
      const { profiles } = repositories();
      const byName = await collectAll((page) => profiles.list(acme.scope, {}, 'name', { ...page, limit: 1 }));
      expect(byName.map((p) => p.id)).toEqual([a.id, b.id, c.id]);
      const byUpload = await collectAll((page) => profiles.list(acme.scope, {}, 'uploaded', { ...page, limit: 2 }));
      expect(byUpload.map((p) => p.id)).toEqual([b.id, c.id, a.id]);
      await expect(profiles.list(acme.scope, {}, 'uploaded', { cursor: (await profiles.list(acme.scope, {}, 'name', { limit: 1 })).nextCursor })).rejects.toMatchObject({
        code: 'store.bad_cursor',
      });
    });

    it('filters by status, type, bundle id, team, expiry and name', async () => {
      const acme = await createScopedOg(repositories());
      const dev = (await createProfile(repositories(), acme, { type: 'adhoc', bundleId: 'com.acme.beta', expirationDate: day(5) })).profile;
      const prod = (await createProfile(repositories(), acme, { name: 'Fleet 100% Prod', teamId: 'TEAM999999' })).profile;
      const { profiles } = repositories();
      const ids = async (filter: Parameters<typeof profiles.list>[1]) => (await profiles.list(acme.scope, filter)).items.map((p) => p.id);
      expect(await ids({ type: 'adhoc' })).toEqual([dev.id]);
      expect(await ids({ bundleId: 'com.acme.beta' })).toEqual([dev.id]);
      expect(await ids({ teamId: 'TEAM999999' })).toEqual([prod.id]);
      expect(await ids({ expiringBefore: day(50) })).toEqual([dev.id]);
      expect(await ids({ search: '100% prod' })).toEqual([prod.id]);
      expect(await ids({ status: 'expired' })).toEqual([]);
    });
  });

  describe('lifecycle', () => {
    it('supersedes within the scope only', async () => {
      const { profiles } = repositories();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const old = (await createProfile(repositories(), acme)).profile;
      const renewed = (await createProfile(repositories(), acme)).profile;
      const foreign = (await createProfile(repositories(), globex)).profile;
      expect(await profiles.supersede(acme.scope, old.id, foreign.id)).toBeUndefined();
      expect(await profiles.supersede(globex.scope, old.id, foreign.id)).toBeUndefined();
      expect(await profiles.supersede(acme.scope, old.id, renewed.id)).toMatchObject({ status: 'superseded', supersededBy: renewed.id });
    });

    it('marks active profiles expired, in scope only', async () => {
      const { profiles } = repositories();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const expired = (await createProfile(repositories(), acme, { expirationDate: day(10) })).profile;
      const alive = (await createProfile(repositories(), acme, { expirationDate: day(40) })).profile;
      const foreign = (await createProfile(repositories(), globex, { expirationDate: day(10) })).profile;
      expect(await profiles.markExpired(acme.scope, day(10))).toBe(1);
      expect(await profiles.markExpired(acme.scope, day(10))).toBe(0);
      expect(await profiles.get(acme.scope, expired.id)).toMatchObject({ status: 'expired' });
      expect(await profiles.get(acme.scope, alive.id)).toMatchObject({ status: 'active' });
      expect(await profiles.get(globex.scope, foreign.id)).toMatchObject({ status: 'active' });
    });

    it('lists the app versions using a profile, apps in scope only', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const { profile } = await createProfile(repositories(), acme);
      const app = await createApp(repositories(), acme, { name: 'Field Sales' });
      const eastApp = await createApp(repositories(), east, { name: 'Atlas' });
      const bundles = (bundleId: string) => [{ bundleId, profileId: profile.id }];
      const version = defined(await repositories().appVersions.add(acme.scope, app.id, versionInput(bundles(app.bundleId))));
      const eastVersion = defined(await repositories().appVersions.add(acme.scope, eastApp.id, versionInput(bundles(eastApp.bundleId))));
      const usages = await repositories().profiles.usages(acme.scope, profile.id);
      expect(usages).toEqual([
        { appId: eastApp.id, appName: 'Atlas', appVersionId: eastVersion.id, shortVersion: '1.0', build: '1', versionStatus: 'active', bundleId: eastApp.bundleId },
        { appId: app.id, appName: 'Field Sales', appVersionId: version.id, shortVersion: '1.0', build: '1', versionStatus: 'active', bundleId: app.bundleId },
      ]);
    });

    it('deletes a profile no app uses, and refuses one in use', async () => {
      const { profiles } = repositories();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const used = (await createProfile(repositories(), acme)).profile;
      const unused = (await createProfile(repositories(), acme)).profile;
      await profiles.supersede(acme.scope, used.id, unused.id);
      const app = await createApp(repositories(), acme);
      await repositories().appVersions.add(acme.scope, app.id, versionInput([{ bundleId: app.bundleId, profileId: used.id }]));
      await expect(profiles.delete(acme.scope, used.id)).rejects.toMatchObject({ code: 'store.profile_in_use' });
      expect(await profiles.delete(globex.scope, unused.id)).toBe(false);
      expect(await profiles.delete(acme.scope, unused.id)).toBe(true);
      expect(await profiles.get(acme.scope, unused.id)).toBeUndefined();
      expect(await profiles.get(acme.scope, used.id)).toMatchObject({ status: 'superseded', supersededBy: undefined });
    });
  });
});
