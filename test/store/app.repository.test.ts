import { describe, expect, it } from 'vitest';
import { AppRepository } from '../../src/store/app.repository.js';
import { createApp, createProfile, createScopedOg, day, defined, uniqueName } from './builders.js';
import { forEachDatabase } from './harness.js';
import { collectAll } from './paging.js';

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  describe('apps', () => {
    it('creates an app without expiry and finds it by bundle id', async () => {
      const acme = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme, { name: 'Field Sales', platform: 'iOS' });
      expect(app).toMatchObject({ ogId: acme.og.id, name: 'Field Sales', effectiveExpiry: undefined });
      expect(await repositories().apps.findByBundleId(acme.scope, app.bundleId)).toEqual([app]);
      expect(await repositories().apps.get(acme.scope, app.id)).toEqual(app);
    });

    it('keeps bundle ids unique per OG only', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const app = await createApp(repositories(), acme);
      await expect(createApp(repositories(), acme, { bundleId: app.bundleId })).rejects.toMatchObject({ code: 'store.duplicate' });
      const eastApp = await createApp(repositories(), east, { bundleId: app.bundleId });
      expect((await repositories().apps.findByBundleId(acme.scope, app.bundleId)).map((a) => a.id)).toEqual([app.id, eastApp.id]);
      expect((await repositories().apps.findByBundleId(east.scope, app.bundleId)).map((a) => a.id)).toEqual([eastApp.id]);
    });

    it('hides apps outside the scope from every method', async () => {
      const { apps } = repositories();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme);
      expect(await apps.create(globex.scope, { ogId: acme.og.id, bundleId: uniqueName('b'), name: 'x', platform: 'iOS' })).toBeUndefined();
      expect(await apps.get(globex.scope, app.id)).toBeUndefined();
      expect(await apps.findByBundleId(globex.scope, app.bundleId)).toEqual([]);
      expect((await apps.list(globex.scope)).items).toEqual([]);
      expect(await apps.rename(globex.scope, app.id, 'Hijacked')).toBeUndefined();
      expect(await apps.delete(globex.scope, app.id)).toBe(false);
      expect(await apps.refreshEffectiveExpiry(globex.scope, { appId: app.id })).toBe(false);
      expect(await apps.get(acme.scope, app.id)).toEqual(app);
    });

    it('renames and deletes an app with its versions', async () => {
      const acme = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme);
      const { profile } = await createProfile(repositories(), acme);
      const version = defined(
        await repositories().appVersions.add(acme.scope, app.id, {
          shortVersion: '2.0', build: '7', ipaSha256: 'AB'.repeat(32), ipaSize: 1, uploadedAt: day(0),
          bundles: [{ bundleId: app.bundleId, profileId: profile.id }],
        }),
      );
      expect(version.ipaSha256).toBe('ab'.repeat(32));
      expect(await repositories().apps.rename(acme.scope, app.id, 'Renamed')).toMatchObject({ name: 'Renamed' });
      expect(await repositories().apps.delete(acme.scope, app.id)).toBe(true);
      expect(await repositories().appVersions.get(acme.scope, version.id)).toBeUndefined();
      expect(await repositories().profiles.usages(acme.scope, profile.id)).toEqual([]);
    });
  });

  describe('list', () => {
    it('sorts by effective expiry, pages through ties by id, apps without expiry last', async () => {
      const acme = await createScopedOg(repositories());
      const expiries = [40, 20, undefined, 40, 20, 40];
      const ids: number[] = [];
      for (const expires of expiries) {
        const app = await createApp(repositories(), acme);
        ids.push(app.id);
        if (expires === undefined) continue;
        const { profile } = await createProfile(repositories(), acme, { bundleId: app.bundleId, expirationDate: day(expires) });
        await repositories().appVersions.add(acme.scope, app.id, {
          shortVersion: '1', build: '1', ipaSha256: 'a'.repeat(64), ipaSize: 1, uploadedAt: day(0),
          bundles: [{ bundleId: app.bundleId, profileId: profile.id }],
        });
      }
      const listed = await collectAll((page) => repositories().apps.list(acme.scope, {}, 'expiry', { ...page, limit: 2 }));
      expect(listed.map((app) => app.id)).toEqual([ids[1], ids[4], ids[0], ids[3], ids[5], ids[2]]);
      expect(listed.map((app) => app.effectiveExpiry)).toEqual([day(20), day(20), day(40), day(40), day(40), undefined]);
      const soon = await repositories().apps.list(acme.scope, { expiringBefore: day(30) }, 'expiry');
      expect(soon.items.map((app) => app.id)).toEqual([ids[1], ids[4]]);
    });

    it('sorts by name and filters by platform and search text', async () => {
      const acme = await createScopedOg(repositories());
      const apps = new AppRepository(context.database().kysely);
      const zeta = await createApp(repositories(), acme, { name: 'Zeta Inventory' });
      const alpha = await createApp(repositories(), acme, { name: 'Alpha Sales', bundleId: uniqueName('com.acme.sales') });
      const mac = await createApp(repositories(), acme, { name: 'Mac Tool', platform: 'macOS' });
      const byName = await collectAll((page) => apps.list(acme.scope, {}, 'name', { ...page, limit: 1 }));
      expect(byName.map((app) => app.id)).toEqual([alpha.id, mac.id, zeta.id]);
      expect((await apps.list(acme.scope, { platform: 'macOS' })).items.map((app) => app.id)).toEqual([mac.id]);
      expect((await apps.list(acme.scope, { search: 'INVENTORY' })).items.map((app) => app.id)).toEqual([zeta.id]);
      expect((await apps.list(acme.scope, { search: 'acme.sales' })).items.map((app) => app.id)).toEqual([alpha.id]);
    });
  });
});
