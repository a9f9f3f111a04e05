import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminAgent, call, createOg, tokenAgent } from '../http/fixtures.js';
import { appFixture, catalogRows, codeSigner, daysFromNow, profileFor, uniqueBundleId, uploadApp } from './fixtures.js';
import { forEachCatalogApp } from './harness.js';

interface UploadedBody {
  app: { id: number; bundleId: string; name: string; ogId: number; effectiveExpiry: string | null; daysLeft: number | null };
  version: {
    id: number;
    shortVersion: string;
    build: string;
    ipaSha256: string;
    uploadedBy: number | null;
    bundles: { bundleId: string; profile: { id: number; uuid: string; type: string }; signingCertificate: { sha256: string } | null }[];
  };
  createdProfileIds: number[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

forEachCatalogApp((context) => {
  const app = () => context.app();

  async function setup() {
    const og = await createOg(context.database());
    const { admin, agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
    return { og, admin, agent };
  }

  describe('uploading an app', () => {
    it('stores an enterprise app with its embedded profile, signing certificate and an audit entry', async () => {
      const { og, admin, agent } = await setup();
      const fixture = await appFixture({ shortVersion: '2.4.1', version: '241', displayName: 'Field Service' });
      const response = await uploadApp(app(), agent, { og: og.id, ipa: fixture.ipa });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<UploadedBody>();
      expect(body.app).toMatchObject({ bundleId: fixture.bundleId, name: 'Field Service', ogId: og.id });
      expect(body.app.daysLeft).toBeGreaterThanOrEqual(298);
      expect(body.version).toMatchObject({ shortVersion: '2.4.1', build: '241', ipaSha256: sha256(fixture.ipa), uploadedBy: admin.id });
      expect(body.version.bundles).toEqual([
        expect.objectContaining({
          bundleId: fixture.bundleId,
          profile: expect.objectContaining({ uuid: fixture.profile?.uuid, type: 'enterprise' }) as unknown,
          signingCertificate: expect.objectContaining({ sha256: sha256(fixture.signer?.certificate ?? new Uint8Array()) }) as unknown,
        }),
      ]);
      expect(body.createdProfileIds).toEqual([body.version.bundles[0]?.profile.id]);
      const rows = await catalogRows(context.database(), og.id);
      expect(rows).toEqual({ apps: 1, appVersions: 1, bundles: 1, profiles: 1, certificates: 1, auditEntries: 1 });
      const audit = await call(app(), agent, 'GET', `/api/v1/audit?ogId=${og.id}&action=app.upload`);
      expect(audit.json()).toMatchObject({ items: [{ action: 'app.upload', objectType: 'app_version', objectId: body.version.id }] });
    });

    it('uses a profile uploaded with the app instead of the one it embeds', async () => {
      const { og, agent } = await setup();
      const signer = codeSigner();
      const fixture = await appFixture({ signer, profile: null });
      const expirationDate = daysFromNow(100);
      const profile = profileFor({ bundleId: fixture.bundleId, signer, expirationDate });
      const response = await uploadApp(app(), agent, { og: og.id, ipa: fixture.ipa, profile: profile.bytes });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<UploadedBody>();
      expect(body.version.bundles.map((bundle) => bundle.profile.uuid)).toEqual([profile.uuid]);
      // Plist dates have whole seconds.
      expect(body.app.effectiveExpiry).toBe(new Date(Math.floor(expirationDate.getTime() / 1000) * 1000).toISOString());
      expect(body.app.daysLeft).toBe(99);
    });

    it('stores an extension with its own profile, and its effective expiry counts', async () => {
      const { og, agent } = await setup();
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const widgetId = `${bundleId}.widget`;
      const widgetProfile = profileFor({ bundleId: widgetId, signer, expirationDate: daysFromNow(50) });
      const extensions = [{ name: 'Widget', bundleId: widgetId, profile: widgetProfile.bytes, signer }];
      const fixture = await appFixture({ bundleId, signer, extensions });
      const response = await uploadApp(app(), agent, { og: og.id, ipa: fixture.ipa });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<UploadedBody>();
      expect(body.version.bundles.map((bundle) => [bundle.bundleId, bundle.profile.uuid])).toEqual([
        [bundleId, fixture.profile?.uuid],
        [widgetId, widgetProfile.uuid],
      ]);
      expect(body.createdProfileIds).toHaveLength(2);
      expect(body.app.daysLeft).toBe(49);
      expect(await catalogRows(context.database(), og.id)).toMatchObject({ bundles: 2, profiles: 2, certificates: 1 });
    });

    it('accepts a development profile when the upload is limited to its devices', async () => {
      const { og, agent } = await setup();
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer, type: 'development' });
      const fixture = await appFixture({ bundleId, signer, profile });
      const refused = await uploadApp(app(), agent, { og: og.id, ipa: fixture.ipa });
      expect(refused.statusCode).toBe(422);
      const accepted = await uploadApp(app(), agent, { og: og.id, ipa: fixture.ipa, limitedDevices: true });
      expect(accepted.statusCode, accepted.body).toBe(201);
      expect(accepted.json<UploadedBody>().version.bundles[0]?.profile.type).toBe('development');
    });

    it('adds a second build as a new version of the same app and reuses its profile', async () => {
      const { og, agent } = await setup();
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer });
      const first = await uploadApp(app(), agent, { og: og.id, ipa: (await appFixture({ bundleId, signer, profile, version: '1' })).ipa });
      const second = await uploadApp(app(), agent, { og: og.id, ipa: (await appFixture({ bundleId, signer, profile, version: '2' })).ipa });
      expect(second.statusCode, second.body).toBe(201);
      const [one, two] = [first.json<UploadedBody>(), second.json<UploadedBody>()];
      expect(two.app.id).toBe(one.app.id);
      expect(two.version.bundles[0]?.profile.id).toBe(one.version.bundles[0]?.profile.id);
      expect(two.createdProfileIds).toEqual([]);
      expect(await catalogRows(context.database(), og.id)).toMatchObject({ apps: 1, appVersions: 2, profiles: 1, certificates: 1 });
    });

    it('records no admin as uploader when an API token uploads (the audit log names the token)', async () => {
      const og = await createOg(context.database());
      const { token, agent } = await tokenAgent(context.database(), og.id, 'app-admin');
      const response = await uploadApp(app(), agent, { og: og.id, ipa: (await appFixture()).ipa });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<UploadedBody>().version.uploadedBy).toBeNull();
      const { audit, ogs } = context.database().repositories;
      const entries = await audit.list(await ogs.rootScope(), { action: 'app.upload', actor: { kind: 'token', id: token.id } });
      expect(entries.items).toHaveLength(1);
    });
  });
});
