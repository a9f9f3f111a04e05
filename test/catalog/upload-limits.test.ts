import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminAgent, createOg, errorCode } from '../http/fixtures.js';
import { NOTHING_STORED, appFixture, catalogRows, postForm, uploadApp, uploadProfile } from './fixtures.js';
import { forEachCatalogApp, leftoverFiles } from './harness.js';
import { buildIpa } from '../../src/testkit/ipa/index.js';

const IPA_LIMIT = 64 * 1024;
const PROFILE_LIMIT = 16 * 1024;

forEachCatalogApp(
  (context) => {
    const app = () => context.app();

    async function setup() {
      const og = await createOg(context.database());
      return { og: og.id, agent: (await adminAgent(app(), context.database(), og.id, 'app-admin')).agent };
    }

    /** Nothing of the request may remain: no upload folder, no half-written blob, no row. */
    async function expectNoTrace(og: number) {
      expect(leftoverFiles(context.dataDir(), 'uploads')).toEqual([]);
      expect(leftoverFiles(context.dataDir(), 'blobs/tmp')).toEqual([]);
      expect(await catalogRows(context.database(), og)).toEqual(NOTHING_STORED);
    }

    describe('upload size limits', () => {
      it('answers 413 payload_too_large for an .ipa over the limit and leaves no temporary file', async () => {
        const { og, agent } = await setup();
        const ipa = await buildIpa({ bundleId: 'com.acme.huge', filler: IPA_LIMIT });
        const response = await uploadApp(app(), agent, { og, ipa });
        expect(response.statusCode).toBe(413);
        expect(errorCode(response)).toBe('payload_too_large');
        expect(response.json()).toMatchObject({ error: { details: { field: 'ipa', limitBytes: IPA_LIMIT } } });
        await expectNoTrace(og);
      });

      it('applies the smaller profile limit to the profile field, even after an .ipa was saved', async () => {
        const { og, agent } = await setup();
        const response = await uploadApp(app(), agent, { og, ipa: (await appFixture()).ipa, profile: randomBytes(PROFILE_LIMIT + 1) });
        expect(response.statusCode).toBe(413);
        const details = { field: 'profile', limitBytes: PROFILE_LIMIT };
        expect(response.json()).toMatchObject({ error: { code: 'payload_too_large', details } });
        await expectNoTrace(og);
        const alone = await uploadProfile(app(), agent, og, randomBytes(PROFILE_LIMIT + 1));
        expect(alone.statusCode).toBe(413);
        await expectNoTrace(og);
      });

      it('accepts a file of exactly the limit (it is then judged as a file)', async () => {
        const { og, agent } = await setup();
        const response = await uploadProfile(app(), agent, og, randomBytes(PROFILE_LIMIT));
        expect(response.statusCode).toBe(422);
        await expectNoTrace(og);
      });

      it('removes the temporary files after a successful upload too', async () => {
        const { og, agent } = await setup();
        const response = await uploadApp(app(), agent, { og, ipa: (await appFixture()).ipa });
        expect(response.statusCode, response.body).toBe(201);
        expect(leftoverFiles(context.dataDir(), 'uploads')).toEqual([]);
      });
    });

    describe('malformed forms', () => {
      it('refuses an unexpected file field (400 upload.unexpected_file)', async () => {
        const { og, agent } = await setup();
        const files = [
          { name: 'ipa', fileName: 'App.ipa', content: (await appFixture()).ipa },
          { name: 'icon', fileName: 'icon.png', content: randomBytes(100) },
        ];
        const response = await postForm(app(), agent, '/api/v1/apps', { og: String(og) }, files);
        expect(response.statusCode).toBe(400);
        expect(errorCode(response)).toBe('upload.unexpected_file');
        await expectNoTrace(og);
      });

      it('refuses a form without the .ipa, or with the .ipa sent as text, as a validation failure', async () => {
        const { og, agent } = await setup();
        const withoutFile = await postForm(app(), agent, '/api/v1/apps', { og: String(og) }, []);
        expect(withoutFile.statusCode).toBe(400);
        expect(errorCode(withoutFile)).toBe('validation_failed');
        const asText = await postForm(app(), agent, '/api/v1/apps', { og: String(og), ipa: '/etc/passwd' }, []);
        expect(asText.statusCode).toBe(400);
        expect(errorCode(asText)).toBe('validation_failed');
        await expectNoTrace(og);
      });

      it('refuses a JSON body', async () => {
        const { og, agent } = await setup();
        const response = await app().inject({
          method: 'POST',
          url: '/api/v1/apps',
          headers: { ...agent.headers, 'x-csrf-token': agent.csrfToken ?? '' },
          payload: { og: String(og), ipa: { path: '/etc/passwd' } },
        });
        expect(response.statusCode).toBe(400);
        expect(errorCode(response)).toBe('validation_failed');
      });
    });
  },
  { maxIpaSize: String(IPA_LIMIT), maxProfileSize: String(PROFILE_LIMIT) },
);
