import { describe, expect, it } from 'vitest';
import { tamperProfile } from '../../src/testkit/profile/index.js';
import { adminAgent, createOg, errorCode } from '../http/fixtures.js';
import { appFixture, codeSigner, profileFor, uniqueBundleId, uploadApp } from './fixtures.js';
import { forEachCatalogApp } from './harness.js';
import { rogueProfileSigner } from './rogue-signer.js';

forEachCatalogApp(
  (context) => {
    const app = () => context.app();

    describe('with --allow-untrusted-profiles (a test lab)', () => {
      it('accepts a profile whose signature chains to no trusted root, and records it as untrusted', async () => {
        const og = await createOg(context.database());
        const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
        const signer = codeSigner();
        const bundleId = uniqueBundleId();
        const profile = profileFor({ bundleId, signer, profileSigner: rogueProfileSigner() });
        const response = await uploadApp(app(), agent, { og: og.id, ipa: (await appFixture({ bundleId, signer, profile })).ipa });
        expect(response.statusCode, response.body).toBe(201);
        expect(response.json()).toMatchObject({ version: { bundles: [{ profile: { signatureStatus: 'untrusted' } }] } });
      });

      it('still refuses a tampered profile', async () => {
        const og = await createOg(context.database());
        const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
        const signer = codeSigner();
        const bundleId = uniqueBundleId();
        const profile = profileFor({ bundleId, signer });
        const tampered = { ...profile, bytes: tamperProfile(profile.bytes, profile.uuid) };
        const response = await uploadApp(app(), agent, { og: og.id, ipa: (await appFixture({ bundleId, signer, profile: tampered })).ipa });
        expect(response.statusCode).toBe(422);
        expect(errorCode(response)).toBe('profile.signature_invalid');
      });
    });
  },
  { allowUntrustedProfiles: true },
);
