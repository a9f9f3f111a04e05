import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp, createProfile, createScopedOg, day, defined, versionInput } from './builders.js';
import type { ScopedOg } from './builders.js';
import { forEachDatabase } from './harness.js';
import { collectAll } from './paging.js';

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  /** An app with an extension, profiles expiring on day 100 (app) and 60 (extension), certificates on day 365 and 80. */
  async function appWithExtension(og: ScopedOg) {
    const app = await createApp(repositories(), og);
    const extensionId = `${app.bundleId}.widget`;
    const main = await createProfile(repositories(), og, { bundleId: app.bundleId, expirationDate: day(100) });
    const extension = await createProfile(repositories(), og, { bundleId: extensionId, expirationDate: day(60) }, { notAfter: day(80) });
    const bundles = [
      { bundleId: app.bundleId, profileId: main.profile.id, signingCertificateId: main.certificate.id },
      { bundleId: extensionId, profileId: extension.profile.id, signingCertificateId: extension.certificate.id },
    ];
    return { app, extensionId, main, extension, bundles };
  }

  describe('effective expiry', () => {
    it('is the earliest profile or signing certificate expiry across all bundles', async () => {
      const acme = await createScopedOg(repositories());
      const { app, bundles } = await appWithExtension(acme);
      const version = defined(await repositories().appVersions.add(acme.scope, app.id, versionInput(bundles)));
      expect(version.effectiveExpiry).toEqual(day(60));
      expect((await repositories().apps.get(acme.scope, app.id))?.effectiveExpiry).toEqual(day(60));
      expect(await repositories().appVersions.bundles(acme.scope, version.id)).toEqual(
        bundles.map((bundle) => ({ appVersionId: version.id, ...bundle })),
      );
    });

    it('counts a signing certificate that expires before the profile', async () => {
      const acme = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme);
      const { profile, certificate } = await createProfile(repositories(), acme, { expirationDate: day(300) }, { notAfter: day(45) });
      const withSigner = await repositories().appVersions.add(
        acme.scope,
        app.id,
        versionInput([{ bundleId: app.bundleId, profileId: profile.id, signingCertificateId: certificate.id }]),
      );
      const withoutSigner = await repositories().appVersions.add(acme.scope, app.id, versionInput([{ bundleId: app.bundleId, profileId: profile.id }]));
      expect(withSigner?.effectiveExpiry).toEqual(day(45));
      expect(withoutSigner?.effectiveExpiry).toEqual(day(300));
    });

    it('follows the active versions when one is retired or reactivated', async () => {
      const acme = await createScopedOg(repositories());
      const { app, bundles, main } = await appWithExtension(acme);
      const old = defined(await repositories().appVersions.add(acme.scope, app.id, versionInput(bundles)));
      const { profile } = await createProfile(repositories(), acme, { bundleId: app.bundleId, expirationDate: day(200) });
      const current = defined(
        await repositories().appVersions.add(
          acme.scope,
          app.id,
          versionInput([{ bundleId: app.bundleId, profileId: profile.id, signingCertificateId: main.certificate.id }], { shortVersion: '2.0' }),
        ),
      );
      expect(current.effectiveExpiry).toEqual(day(200));
      expect((await repositories().apps.get(acme.scope, app.id))?.effectiveExpiry).toEqual(day(60));
      expect(await repositories().appVersions.setStatus(acme.scope, old.id, 'retired')).toMatchObject({ status: 'retired' });
      expect((await repositories().apps.get(acme.scope, app.id))?.effectiveExpiry).toEqual(day(200));
      await repositories().appVersions.setStatus(acme.scope, current.id, 'retired');
      expect((await repositories().apps.get(acme.scope, app.id))?.effectiveExpiry).toBeUndefined();
      await repositories().appVersions.setStatus(acme.scope, old.id, 'active');
      expect((await repositories().apps.get(acme.scope, app.id))?.effectiveExpiry).toEqual(day(60));
    });

    it('is repaired by refreshEffectiveExpiry from an app, a profile or a certificate', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const { app, bundles, extension } = await appWithExtension(acme);
      await repositories().appVersions.add(acme.scope, app.id, versionInput(bundles));
      const { kysely } = context.database();
      const corrupt = () => sql`update apps set effective_expiry = 1 where id = ${app.id}`.execute(kysely);
      const expiry = async () => (await repositories().apps.get(acme.scope, app.id))?.effectiveExpiry;
      for (const source of [{ appId: app.id }, { profileId: extension.profile.id }, { certificateId: extension.certificate.id }]) {
        await corrupt();
        expect(await repositories().apps.refreshEffectiveExpiry(globex.scope, source)).toBe(false);
        expect(await expiry()).toEqual(new Date(1));
        expect(await repositories().apps.refreshEffectiveExpiry(acme.scope, source)).toBe(true);
        expect(await expiry()).toEqual(day(60));
      }
    });
  });

  describe('renewal', () => {
    it('repoints every app in scope from the old profile to the renewed one', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const { profile: old, certificate } = await createProfile(repositories(), acme, { bundleId: 'com.acme.shared', expirationDate: day(30) });
      const { profile: renewed } = await createProfile(repositories(), acme, { bundleId: 'com.acme.shared', expirationDate: day(395) }, { notAfter: day(900) });
      const apps = [await createApp(repositories(), acme), await createApp(repositories(), east), await createApp(repositories(), acme)];
      const versions = [];
      for (const app of apps) {
        const bundles = [{ bundleId: app.bundleId, profileId: old.id, signingCertificateId: certificate.id }];
        versions.push(defined(await repositories().appVersions.add(acme.scope, app.id, versionInput(bundles))));
      }
      const { appVersions } = repositories();
      const firstApp = defined(apps[0]);
      expect(await appVersions.repointProfile(east.scope, { fromProfileId: old.id, toProfileId: renewed.id })).toBeUndefined();
      expect(await appVersions.repointProfile(acme.scope, { fromProfileId: old.id, toProfileId: renewed.id, appIds: [firstApp.id] })).toBe(1);
      expect((await repositories().apps.get(acme.scope, firstApp.id))?.effectiveExpiry).toEqual(day(365));
      expect(await appVersions.repointProfile(acme.scope, { fromProfileId: old.id, toProfileId: renewed.id })).toBe(2);
      expect(await appVersions.repointProfile(acme.scope, { fromProfileId: old.id, toProfileId: renewed.id })).toBe(0);
      for (const [index, version] of versions.entries()) {
        expect(await appVersions.bundles(acme.scope, version.id)).toEqual([
          { appVersionId: version.id, bundleId: apps[index]?.bundleId, profileId: renewed.id, signingCertificateId: certificate.id },
        ]);
      }
      expect(await repositories().profiles.usages(acme.scope, old.id)).toEqual([]);
    });

    it('leaves apps outside the scope on the old profile', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const { profile: old } = await createProfile(repositories(), east);
      const { profile: renewed } = await createProfile(repositories(), east);
      const eastApp = await createApp(repositories(), east);
      const acmeApp = await createApp(repositories(), acme);
      for (const app of [eastApp, acmeApp]) {
        await repositories().appVersions.add(acme.scope, app.id, versionInput([{ bundleId: app.bundleId, profileId: old.id }]));
      }
      expect(await repositories().appVersions.repointProfile(east.scope, { fromProfileId: old.id, toProfileId: renewed.id })).toBe(1);
      expect((await repositories().profiles.usages(acme.scope, old.id))?.map((usage) => usage.appId)).toEqual([acmeApp.id]);
    });
  });

  describe('versions', () => {
    it('refuses profiles, certificates or apps outside the scope, writing nothing', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme);
      const foreign = await createProfile(repositories(), globex);
      const own = await createProfile(repositories(), acme);
      const { appVersions } = repositories();
      expect(await appVersions.add(acme.scope, app.id, versionInput([{ bundleId: app.bundleId, profileId: foreign.profile.id }]))).toBeUndefined();
      const foreignSigner = [{ bundleId: app.bundleId, profileId: own.profile.id, signingCertificateId: foreign.certificate.id }];
      expect(await appVersions.add(acme.scope, app.id, versionInput(foreignSigner))).toBeUndefined();
      expect(await appVersions.add(globex.scope, app.id, versionInput([]))).toBeUndefined();
      expect((await appVersions.list(acme.scope, app.id)).items).toEqual([]);
    });

    it('rolls back a version whose bundle ids repeat', async () => {
      const acme = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme);
      const { profile } = await createProfile(repositories(), acme);
      const twice = [{ bundleId: app.bundleId, profileId: profile.id }, { bundleId: app.bundleId, profileId: profile.id }];
      await expect(repositories().appVersions.add(acme.scope, app.id, versionInput(twice))).rejects.toMatchObject({ code: 'store.duplicate' });
      expect((await repositories().appVersions.list(acme.scope, app.id)).items).toEqual([]);
    });

    it('lists versions newest first, in pages, for apps in scope only', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const app = await createApp(repositories(), acme);
      const { profile } = await createProfile(repositories(), acme);
      const ids: number[] = [];
      for (let build = 1; build <= 5; build += 1) {
        const input = versionInput([{ bundleId: app.bundleId, profileId: profile.id }], { build: String(build), uploadedBy: undefined });
        ids.push(defined(await repositories().appVersions.add(acme.scope, app.id, input)).id);
      }
      const listed = await collectAll((page) => repositories().appVersions.list(acme.scope, app.id, { ...page, limit: 2 }));
      expect(listed.map((version) => version.build)).toEqual(['5', '4', '3', '2', '1']);
      expect((await repositories().appVersions.list(globex.scope, app.id)).items).toEqual([]);
      expect(await repositories().appVersions.get(globex.scope, defined(ids[0]))).toBeUndefined();
      expect(await repositories().appVersions.bundles(globex.scope, defined(ids[0]))).toBeUndefined();
      expect(await repositories().appVersions.setStatus(globex.scope, defined(ids[0]), 'retired')).toBeUndefined();
    });
  });
});
