import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { tamperProfile } from '../../src/testkit/profile/index.js';
import { adminAgent, createOg, errorCode } from '../http/fixtures.js';
import type { Agent } from '../http/fixtures.js';
import {
  NOTHING_STORED,
  OTHER_TEAM,
  appFixture,
  catalogRows,
  codeSigner,
  daysFromNow,
  profileFor,
  uniqueBundleId,
  uploadApp,
  uploadProfile,
  type AppUpload,
} from './fixtures.js';
import { forEachCatalogApp } from './harness.js';
import { rogueProfileSigner } from './rogue-signer.js';

interface Refusal {
  error: { code: string; message: string; details: { violations?: { code: string; bundleId: string | null }[]; file?: string } | null };
}

forEachCatalogApp((context) => {
  const app = () => context.app();

  /** A fresh OG and an app-admin of it, so "nothing stored" is checked against an empty group. */
  async function freshOg(): Promise<{ og: number; agent: Agent }> {
    const og = await createOg(context.database());
    return { og: og.id, agent: (await adminAgent(app(), context.database(), og.id, 'app-admin')).agent };
  }

  /** Uploads, expects a 422 with `code`, and checks the group holds nothing afterwards. */
  async function expectRefused(upload: Omit<AppUpload, 'og'>, code: string): Promise<Refusal> {
    const { og, agent } = await freshOg();
    const response = await uploadApp(app(), agent, { ...upload, og });
    return expectNothingStored(response, og, code);
  }

  async function expectNothingStored(response: LightMyRequestResponse, og: number, code: string): Promise<Refusal> {
    expect(response.statusCode, response.body).toBe(422);
    expect(errorCode(response)).toBe(code);
    expect(await catalogRows(context.database(), og)).toEqual(NOTHING_STORED);
    return response.json<Refusal>();
  }

  describe('every upload rule refuses with its code and stores nothing', () => {
    it('ipa.no_profile: no embedded profile and none uploaded', async () => {
      await expectRefused({ ipa: (await appFixture({ profile: null })).ipa }, 'ipa.no_profile');
    });

    it('ipa.unsigned: an executable without a signing certificate', async () => {
      await expectRefused({ ipa: (await appFixture({ signer: null })).ipa }, 'ipa.unsigned');
    });

    it('ipa.signing_certificate_expired: the certificate that signed the app has expired', async () => {
      const signer = codeSigner(undefined, { notBefore: daysFromNow(-800), notAfter: daysFromNow(-1) });
      await expectRefused({ ipa: (await appFixture({ signer })).ipa }, 'ipa.signing_certificate_expired');
    });

    it('profile.signature_invalid: a profile edited after signing', async () => {
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer });
      const tampered = { ...profile, bytes: tamperProfile(profile.bytes, profile.uuid) };
      const ipa = (await appFixture({ bundleId, signer, profile: tampered })).ipa;
      const refusal = await expectRefused({ ipa }, 'profile.signature_invalid');
      expect(refusal.error.message).toContain('tampered');
    });

    it('profile.signature_invalid: a profile signed by an unknown authority (untrusted)', async () => {
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer, profileSigner: rogueProfileSigner() });
      const refusal = await expectRefused({ ipa: (await appFixture({ bundleId, signer, profile })).ipa }, 'profile.signature_invalid');
      expect(refusal.error.message).toContain('untrusted');
    });

    it('profile.not_enterprise: an App Store profile', async () => {
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer, type: 'appstore' });
      await expectRefused({ ipa: (await appFixture({ bundleId, signer, profile })).ipa, limitedDevices: true }, 'profile.not_enterprise');
    });

    it('profile.not_enterprise: an ad-hoc profile without limitedDevices', async () => {
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer, type: 'adhoc' });
      await expectRefused({ ipa: (await appFixture({ bundleId, signer, profile })).ipa, limitedDevices: false }, 'profile.not_enterprise');
    });

    it('profile.expired: the uploaded profile has expired', async () => {
      const signer = codeSigner();
      const fixture = await appFixture({ signer, profile: null });
      const profile = profileFor({ bundleId: fixture.bundleId, signer, expirationDate: daysFromNow(-1) });
      await expectRefused({ ipa: fixture.ipa, profile: profile.bytes }, 'profile.expired');
    });

    it('profile.bundle_id_mismatch: a profile for another app', async () => {
      const signer = codeSigner();
      const fixture = await appFixture({ signer, profile: null });
      const profile = profileFor({ bundleId: uniqueBundleId(), signer });
      const refusal = await expectRefused({ ipa: fixture.ipa, profile: profile.bytes }, 'profile.bundle_id_mismatch');
      expect(refusal.error.details?.violations).toEqual([expect.objectContaining({ bundleId: fixture.bundleId })]);
    });

    it("profile.bundle_id_mismatch: an extension's profile for another bundle", async () => {
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const stray = profileFor({ bundleId: `${uniqueBundleId()}.widget`, signer });
      const extensions = [{ name: 'Widget', bundleId: `${bundleId}.widget`, profile: stray.bytes, signer }];
      const refusal = await expectRefused({ ipa: (await appFixture({ bundleId, signer, extensions })).ipa }, 'profile.bundle_id_mismatch');
      expect(refusal.error.details?.violations).toEqual([expect.objectContaining({ bundleId: `${bundleId}.widget` })]);
    });

    it('profile.team_mismatch: a profile of another team', async () => {
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer, teamId: OTHER_TEAM });
      await expectRefused({ ipa: (await appFixture({ bundleId, signer, profile })).ipa }, 'profile.team_mismatch');
    });

    it('profile.missing_signing_certificate: the profile lacks the certificate that signed the app', async () => {
      const fixture = await appFixture({ profile: null });
      const profile = profileFor({ bundleId: fixture.bundleId, signer: codeSigner() });
      await expectRefused({ ipa: fixture.ipa, profile: profile.bytes }, 'profile.missing_signing_certificate');
    });

    it('lists every violation in details, the first one giving the code', async () => {
      const fixture = await appFixture({ profile: null });
      const profile = profileFor({ bundleId: uniqueBundleId(), type: 'appstore', expirationDate: daysFromNow(-3) });
      const refusal = await expectRefused({ ipa: fixture.ipa, profile: profile.bytes }, 'profile.not_enterprise');
      expect(refusal.error.details?.violations?.map((violation) => violation.code)).toEqual([
        'profile.not_enterprise',
        'profile.expired',
        'profile.bundle_id_mismatch',
        'profile.missing_signing_certificate',
      ]);
      expect(refusal.error.message).toContain('and 3 more problems');
    });
  });

  describe('files that cannot be read', () => {
    it('refuses an .ipa that is not a zip with the parser code, naming the file', async () => {
      const refusal = await expectRefused({ ipa: new TextEncoder().encode('not a zip at all, just text') }, 'zip.not_a_zip');
      expect(refusal.error.details).toEqual({ file: 'ipa' });
    });

    it('refuses a profile file that is not a profile', async () => {
      const notAProfile = new TextEncoder().encode('hello');
      const refusal = await expectRefused({ ipa: (await appFixture()).ipa, profile: notAProfile }, 'profile.unrecognized');
      expect(refusal.error.details).toEqual({ file: 'profile' });
    });
  });

  describe('a profile uploaded on its own', () => {
    it.each([
      ['profile.expired', { expirationDate: daysFromNow(-1) }],
      ['profile.not_enterprise', { type: 'appstore' as const }],
      ['profile.signature_invalid', { profileSigner: rogueProfileSigner() }],
    ])('is refused with %s and nothing is stored', async (code, options) => {
      const { og, agent } = await freshOg();
      const response = await uploadProfile(app(), agent, og, profileFor({ bundleId: uniqueBundleId(), ...options }).bytes);
      await expectNothingStored(response, og, code);
    });

    it('is refused when it is not a profile', async () => {
      const { og, agent } = await freshOg();
      const json = new TextEncoder().encode('{"profile": "no"}');
      await expectNothingStored(await uploadProfile(app(), agent, og, json), og, 'profile.unrecognized');
    });
  });
});
