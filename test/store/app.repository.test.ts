import { randomUUID } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/domain/model.js';
import { AppRepository } from '../../src/store/app.repository.js';
import type { ScopedOg } from './builders.js';
import { createApp, createProfile, createScopedOg, day, defined, uniqueName, versionInput } from './builders.js';
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

  describe('usage', () => {
    async function addVersion(app: App, og: ScopedOg, shortVersion: string, build: string, status: 'active' | 'retired' = 'active') {
      return defined(await repositories().appVersions.add(og.scope, app.id, versionInput([], { shortVersion, build, status })), 'version');
    }

    /** Enrolls a device in `og` that reports these bundle ids as installed. */
    async function deviceWith(og: ScopedOg, bundleIds: readonly string[]) {
      const { devices } = repositories();
      const device = defined(await devices.upsert(og.scope, { udid: randomUUID(), ogId: og.og.id, seenAt: day(0) }), 'device');
      const reported = await devices.recordInstallations(og.scope, device.id, bundleIds.map((bundleId) => ({ bundleId })), day(1));
      expect(reported).toBe(true);
      return device;
    }

    it('shows the newest active version, never a retired newer one', async () => {
      const acme = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme);
      await addVersion(app, acme, '1.0', '1');
      await addVersion(app, acme, '1.1', '2');
      await addVersion(app, acme, '2.0', '3', 'retired');
      const newest = await addVersion(app, acme, '2.1', '4');
      const onlyRetired = await createApp(repositories(), acme);
      await addVersion(onlyRetired, acme, '1.0', '1', 'retired');
      const empty = await createApp(repositories(), acme);
      const usage = async () => repositories().apps.usage(acme.scope, [app.id, onlyRetired.id, empty.id]);
      expect((await usage()).get(app.id)?.currentVersion).toEqual({ shortVersion: '2.1', build: '4' });
      await repositories().appVersions.setStatus(acme.scope, newest.id, 'retired');
      const after = await usage();
      expect(after.get(app.id)?.currentVersion).toEqual({ shortVersion: '1.1', build: '2' });
      expect(after.get(onlyRetired.id)).toEqual({ currentVersion: undefined, installCount: 0 });
      expect(after.get(empty.id)).toEqual({ currentVersion: undefined, installCount: 0 });
    });

    it('counts distinct devices of the app OG and below, leaving sibling OGs apart', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const eastDepot = await createScopedOg(repositories(), east);
      const west = await createScopedOg(repositories(), acme);
      const globex = await createScopedOg(repositories());
      const bundleId = uniqueName('com.acme.shared');
      const parentApp = await createApp(repositories(), acme, { bundleId });
      const eastApp = await createApp(repositories(), east, { bundleId });
      const westApp = await createApp(repositories(), west, { bundleId });
      const other = await createApp(repositories(), east);
      const twice = await deviceWith(east, [bundleId, other.bundleId, 'com.apple.mobilesafari']);
      await repositories().devices.recordInstallations(east.scope, twice.id, [{ bundleId }, { bundleId: other.bundleId }], day(2));
      await deviceWith(east, [bundleId]);
      await deviceWith(eastDepot, [bundleId]);
      await deviceWith(west, [bundleId]);
      await deviceWith(west, ['com.apple.mobilesafari']);
      await deviceWith(globex, [bundleId]);
      const usage = await repositories().apps.usage(acme.scope, [parentApp.id, eastApp.id, westApp.id, other.id]);
      const counts = [parentApp, eastApp, westApp, other].map((app) => usage.get(app.id)?.installCount);
      expect(counts).toEqual([4, 3, 1, 1]);
    });

    it('answers only for apps in scope', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme);
      await deviceWith(acme, [app.bundleId]);
      expect((await repositories().apps.usage(globex.scope, [app.id])).size).toBe(0);
      expect((await repositories().apps.usage(acme.scope, [])).size).toBe(0);
      expect((await repositories().apps.usage(acme.scope, [app.id])).get(app.id)?.installCount).toBe(1);
    });

    it('reads a whole page in one query', async () => {
      const acme = await createScopedOg(repositories());
      const apps: App[] = [];
      for (let index = 0; index < 5; index += 1) {
        const app = await createApp(repositories(), acme);
        await addVersion(app, acme, `${index}.0`, String(index));
        await deviceWith(acme, [app.bundleId]);
        apps.push(app);
      }
      let queries = 0;
      const counting: KyselyPlugin = {
        transformQuery: (args) => {
          queries += 1;
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      };
      const repository = new AppRepository(context.database().kysely.withPlugin(counting));
      const usage = await repository.usage(
        acme.scope,
        apps.map((app) => app.id),
      );
      expect(queries).toBe(1);
      expect(apps.map((app) => usage.get(app.id))).toEqual(
        apps.map((_, index) => ({ currentVersion: { shortVersion: `${index}.0`, build: String(index) }, installCount: 1 })),
      );
    });
  });
});
