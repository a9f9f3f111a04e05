import { describe, expect, it } from 'vitest';
import { forEachCatalogApp } from '../catalog/harness.js';
import { appFixture, codeSigner, daysFromNow, OTHER_TEAM, postForm, profileFor, uploadApp } from '../catalog/fixtures.js';
import { adminAgent, call, createOg, errorCode, tokenAgent } from '../http/fixtures.js';

const DAY_MS = 86_400_000;

forEachCatalogApp((context) => {
  async function world() {
    const og = await createOg(context.database());
    const { agent } = await adminAgent(context.app(), context.database(), og.id, 'system');
    const fixture = await appFixture();
    const uploaded = await uploadApp(context.app(), agent, { og: og.id, ipa: fixture.ipa });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const profiles = await call(context.app(), agent, 'GET', `/api/v1/profiles?og=${og.id}`);
    const profileId = profiles.json<{ items: { id: number }[] }>().items[0]?.id ?? 0;
    return { og, agent, fixture, profileId };
  }

  const renew = (agent: Awaited<ReturnType<typeof world>>['agent'], profileId: number, bytes: Uint8Array, query = 'dryRun=true') =>
    postForm(context.app(), agent, `/api/v1/profiles/${profileId}/renewals?${query}`, {}, [{ name: 'profile', fileName: 'New.mobileprovision', content: bytes }]);

  describe('renewal dry run', () => {
    it('answers the plan and the diff for a fitting replacement', async () => {
      const { agent, fixture, profileId } = await world();
      const signer = fixture.signer ?? codeSigner();
      const extra = codeSigner();
      const next = profileFor({ bundleId: fixture.bundleId, certificates: [signer.certificate, extra.certificate], expirationDate: daysFromNow(600) });
      const response = await renew(agent, profileId, next.bytes);
      expect(response.statusCode, response.body).toBe(200);
      const plan = response.json<{ sharedByApps: number; apps: { bundleIds: string[] }[]; diff: { expiry: { gainedDays: number }; certificatesAdded: unknown[]; certificatesRemoved: unknown[] } }>();
      expect(plan.sharedByApps).toBe(1);
      expect(plan.apps.map((app) => app.bundleIds)).toEqual([[fixture.bundleId]]);
      expect(plan.diff.expiry.gainedDays).toBeGreaterThanOrEqual(299);
      expect(plan.diff.certificatesAdded).toHaveLength(1);
      expect(plan.diff.certificatesRemoved).toHaveLength(0);
    });

    it('refuses with each failed check code', async () => {
      const { agent, fixture, profileId } = await world();
      const violations = async (bytes: Uint8Array) => {
        const response = await renew(agent, profileId, bytes);
        expect(response.statusCode, response.body).toBe(422);
        expect(errorCode(response)).toBe('renewal.checks_failed');
        return response.json<{ error: { details: { violations: { code: string }[] } } }>().error.details.violations.map((violation) => violation.code);
      };
      const signer = fixture.signer ?? codeSigner();
      expect(await violations(profileFor({ bundleId: 'com.other.app', signer, expirationDate: daysFromNow(600) }).bytes)).toEqual(['renewal.bundle_id_mismatch']);
      expect(await violations(profileFor({ bundleId: fixture.bundleId, signer: codeSigner(), expirationDate: daysFromNow(600) }).bytes)).toEqual([
        'renewal.missing_signing_certificate',
      ]);
      expect(await violations(profileFor({ bundleId: fixture.bundleId, signer, expirationDate: daysFromNow(100) }).bytes)).toEqual(['renewal.not_later']);
      expect(await violations(profileFor({ bundleId: fixture.bundleId, signer, teamId: OTHER_TEAM, expirationDate: daysFromNow(600) }).bytes)).toContain(
        'renewal.team_mismatch',
      );
    });
  });

  describe('notices, scan and calendar over HTTP', () => {
    it('scans on demand, lists and dismisses notices, and serves the calendar', async () => {
      const { og, profileId } = await world();
      // Tokens, not console sessions: the clock jumps 250 days, far past any session's life.
      const { agent } = await tokenAgent(context.database(), og.id, 'system');
      const { agent: reader } = await tokenAgent(context.database(), og.id, 'read-only');
      expect((await call(context.app(), reader, 'POST', '/api/v1/expiry/scan')).statusCode).toBe(403);
      context.clock.advance(250 * DAY_MS);
      try {
        const scan = await call(context.app(), agent, 'POST', '/api/v1/expiry/scan');
        expect(scan.statusCode, scan.body).toBe(200);
        const notices = (await call(context.app(), agent, 'GET', '/api/v1/notices')).json<{ id: number; subjectType: string; subjectId: number; thresholdDays: number }[]>();
        const notice = notices.find((candidate) => candidate.subjectType === 'profile' && candidate.subjectId === profileId);
        expect(notice?.thresholdDays).toBe(60);
        const dismissed = await call(context.app(), agent, 'POST', `/api/v1/notices/${notice?.id ?? 0}/dismiss`);
        expect(dismissed.statusCode).toBe(204);
        const after = (await call(context.app(), agent, 'GET', '/api/v1/notices')).json<{ id: number }[]>();
        expect(after.map((candidate) => candidate.id)).not.toContain(notice?.id);
        expect((await call(context.app(), reader, 'GET', '/api/v1/notices')).json<{ id: number }[]>().map((candidate) => candidate.id)).toContain(notice?.id);
      } finally {
        context.clock.advance(-250 * DAY_MS);
      }
      const feed = await call(context.app(), agent, 'POST', '/api/v1/calendar-feeds', { og: og.id });
      expect(feed.statusCode, feed.body).toBe(201);
      const url = new URL(feed.json<{ url: string }>().url);
      const calendar = await context.app().inject({ method: 'GET', url: url.pathname });
      expect(calendar.statusCode).toBe(200);
      expect(calendar.headers['content-type']).toContain('text/calendar');
      expect(calendar.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(calendar.body).toContain('SUMMARY:Provisioning profile');
      const wrong = await context.app().inject({ method: 'GET', url: url.pathname.replace(/[A-Za-z0-9_-]{8}\.ics$/, 'AAAAAAAA.ics') });
      expect(wrong.statusCode).toBe(404);
    });
  });
});
