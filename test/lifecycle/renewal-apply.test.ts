import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ExpiryScanService } from '../../src/services/lifecycle/expiry-scan.service.js';
import type { Database } from '../../src/store/database.js';
import { forEachCatalogApp } from '../catalog/harness.js';
import { appFixture, codeSigner, daysFromNow, postForm, profileFor, uniqueBundleId, uploadApp, type ProfileFixture } from '../catalog/fixtures.js';
import { adminAgent, call, createOg, errorCode, type Agent } from '../http/fixtures.js';

interface RenewalBody {
  id: number;
  oldProfile: { id: number; uuid: string };
  newProfile: { id: number; uuid: string; expirationDate: string };
  apps: { name: string }[];
  rollout: { total: number; pending: number; installed: number; percent: number; complete: boolean };
}

/** Enrolls a device in the OG straight in the store, with these apps installed. */
async function seedDevice(database: Database, ogId: number, bundleIds: readonly string[]): Promise<number> {
  return database.transaction(async ({ ogs, devices, mdmEnrollments }) => {
    const root = await ogs.rootScope();
    const device = await devices.upsert(root, { udid: randomUUID(), ogId, seenAt: new Date() });
    if (device === undefined) throw new Error('device not stored');
    await mdmEnrollments.bind(device.id, randomUUID().replaceAll('-', ''), 'com.apple.mgmt.test');
    await devices.recordInstallations(root, device.id, bundleIds.map((bundleId) => ({ bundleId })), new Date());
    return device.id;
  });
}

forEachCatalogApp((context) => {
  /** Three apps under one wildcard profile, two devices with some of them, one device with none. */
  async function world() {
    const og = await createOg(context.database());
    const { agent } = await adminAgent(context.app(), context.database(), og.id, 'app-admin');
    const signer = codeSigner();
    const prefix = uniqueBundleId('com.shared');
    const shared = profileFor({ bundleId: `${prefix}.*`, signer, expirationDate: daysFromNow(45) });
    const bundleIds = ['one', 'two', 'three'].map((name) => `${prefix}.${name}`);
    for (const bundleId of bundleIds) {
      const fixture = await appFixture({ bundleId, profile: shared, signer });
      const uploaded = await uploadApp(context.app(), agent, { og: og.id, ipa: fixture.ipa });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
    }
    const profiles = (await call(context.app(), agent, 'GET', `/api/v1/profiles?og=${og.id}`)).json<{ items: { id: number; uuid: string }[] }>();
    const profileId = profiles.items.find((profile) => profile.uuid === shared.uuid)?.id ?? 0;
    const database = context.database();
    const devices = [await seedDevice(database, og.id, [bundleIds[0] ?? '']), await seedDevice(database, og.id, bundleIds), await seedDevice(database, og.id, ['com.unrelated.app'])];
    const replacement = profileFor({ bundleId: `${prefix}.*`, signer, expirationDate: daysFromNow(400) });
    return { og, agent, shared, replacement, profileId, bundleIds, devices, signer, prefix };
  }

  const renew = (agent: Agent, profileId: number, profile: ProfileFixture, query: string, applyToAllApps = true) =>
    postForm(context.app(), agent, `/api/v1/profiles/${profileId}/renewals?${query}`, { applyToAllApps: String(applyToAllApps) }, [
      { name: 'profile', fileName: 'Renewed.mobileprovision', content: profile.bytes },
    ]);

  describe('renewal apply', () => {
    it('stores the replacement, moves every app to it, supersedes the old one and queues the install for each device with an app', async () => {
      const { og, agent, shared, replacement, profileId, bundleIds, devices } = await world();
      const response = await renew(agent, profileId, replacement, 'dryRun=false');
      expect(response.statusCode, response.body).toBe(201);
      const renewal = response.json<RenewalBody>();
      expect(renewal.oldProfile).toMatchObject({ id: profileId, uuid: shared.uuid });
      expect(renewal.newProfile.uuid).toBe(replacement.uuid);
      expect(renewal.apps).toHaveLength(3);
      expect(renewal.rollout).toMatchObject({ total: 2, pending: 2, installed: 0, percent: 0, complete: false });

      const old = (await call(context.app(), agent, 'GET', `/api/v1/profiles/${profileId}`)).json<{ status: string; usedBy?: unknown[] }>();
      expect(old.status).toBe('superseded');
      const apps = (await call(context.app(), agent, 'GET', `/api/v1/apps?og=${og.id}`)).json<{ items: { bundleId: string; effectiveExpiry: string }[] }>();
      for (const bundleId of bundleIds) {
        const app = apps.items.find((item) => item.bundleId === bundleId);
        expect(app?.effectiveExpiry.slice(0, 10), bundleId).toBe(renewal.newProfile.expirationDate.slice(0, 10));
      }
      const queued = async (deviceId: number) =>
        (await call(context.app(), agent, 'GET', `/api/v1/devices/${deviceId}/commands`)).json<{ items: { requestType: string; status: string }[] }>().items;
      expect((await queued(devices[0] ?? 0)).map((entry) => entry.requestType)).toEqual(['InstallProvisioningProfile']);
      expect((await queued(devices[1] ?? 0)).map((entry) => entry.requestType)).toEqual(['InstallProvisioningProfile']);
      expect(await queued(devices[2] ?? 0)).toEqual([]);

      const audit = (await call(context.app(), agent, 'GET', `/api/v1/audit?og=${og.id}`)).json<{ items: { action: string; details: { renewalId?: number } }[] }>();
      expect(audit.items.find((entry) => entry.action === 'profile.renew')?.details.renewalId).toBe(renewal.id);
      const listed = (await call(context.app(), agent, 'GET', `/api/v1/renewals?og=${og.id}&state=active`)).json<RenewalBody[]>();
      expect(listed.map((item) => item.id)).toEqual([renewal.id]);
    });

    it('retires the notices of the renewed profile from the bell', async () => {
      const { agent, replacement, profileId } = await world();
      const scan = async () => {
        const database = context.database();
        await new ExpiryScanService({ database, clock: { now: () => new Date() } }).scan();
      };
      await scan();
      const bell = async () => (await call(context.app(), agent, 'GET', '/api/v1/notices')).json<{ subjectType: string; subjectId: number }[]>();
      expect((await bell()).some((notice) => notice.subjectType === 'profile' && notice.subjectId === profileId)).toBe(true);
      expect((await renew(agent, profileId, replacement, 'dryRun=false')).statusCode).toBe(201);
      expect((await bell()).some((notice) => notice.subjectType === 'profile' && notice.subjectId === profileId)).toBe(false);
      const history = (await call(context.app(), agent, 'GET', '/api/v1/notices?includeDismissed=true')).json<{ subjectId: number }[]>();
      expect(history.some((notice) => notice.subjectId === profileId)).toBe(true);
    });

    it('keeps the queue rows of a rollout in progress and every renewal\'s removal out of the pruning', async () => {
      const { agent, replacement, profileId } = await world();
      const renewal = (await renew(agent, profileId, replacement, 'dryRun=false')).json<RenewalBody>();
      const database = context.database();
      const stored = await database.repositories.renewals.get(await database.repositories.ogs.rootScope(), renewal.id);
      if (stored === undefined) throw new Error('renewal not stored');
      const installRows = () =>
        sql<{ n: number | string }>`select count(*) as n from mdm_queue where command_id = ${stored.installCommandId}`.execute(database.kysely);
      // Every device answered long ago: finished rows, older than any retention.
      await sql`update mdm_queue set status = 'error', updated_at = 0 where command_id = ${stored.installCommandId}`.execute(database.kysely);
      const later = new Date(Date.now() + 86_400_000);
      await database.repositories.mdmQueue.prune(later);
      expect(Number((await installRows()).rows[0]?.n)).toBe(2);

      await database.repositories.renewals.complete(stored.id, { total: 2, pending: 0, waitingUnlock: 0, failed: 2, installed: 0, oldRemoved: 0 }, new Date());
      await database.repositories.mdmQueue.prune(later);
      expect(Number((await installRows()).rows[0]?.n)).toBe(0);
      const removal = await sql<{ n: number | string }>`select count(*) as n from mdm_commands where id = ${stored.removeCommandId}`.execute(database.kysely);
      expect(Number(removal.rows[0]?.n)).toBe(1);
    });

    it('answers the same renewal when the request is replayed, and queues nothing twice', async () => {
      const { agent, replacement, profileId, devices } = await world();
      const first = await renew(agent, profileId, replacement, 'dryRun=false');
      const again = await renew(agent, profileId, replacement, 'dryRun=false');
      expect(first.statusCode, first.body).toBe(201);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<RenewalBody>().id).toBe(first.json<RenewalBody>().id);
      const history = (await call(context.app(), agent, 'GET', `/api/v1/devices/${devices[1] ?? 0}/commands`)).json<{ items: unknown[] }>();
      expect(history.items).toHaveLength(1);
    });

    it('refuses another replacement for a profile already renewed, a read-only admin, and a bad replacement, changing nothing', async () => {
      const { og, agent, replacement, profileId, signer, prefix } = await world();
      const { agent: reader } = await adminAgent(context.app(), context.database(), og.id, 'read-only');
      expect((await renew(reader, profileId, replacement, 'dryRun=false')).statusCode).toBe(403);

      const tooShort = profileFor({ bundleId: `${prefix}.*`, signer, expirationDate: daysFromNow(20) });
      const refused = await renew(agent, profileId, tooShort, 'dryRun=false');
      expect(refused.statusCode).toBe(422);
      expect(errorCode(refused)).toBe('renewal.checks_failed');
      const unchanged = (await call(context.app(), agent, 'GET', `/api/v1/profiles/${profileId}`)).json<{ status: string }>();
      expect(unchanged.status).toBe('active');
      expect((await call(context.app(), agent, 'GET', `/api/v1/renewals?og=${og.id}`)).json<unknown[]>()).toEqual([]);

      const notChosen = await renew(agent, profileId, replacement, 'dryRun=false', false);
      expect(errorCode(notChosen)).toBe('renewal.apps_not_chosen');

      expect((await renew(agent, profileId, replacement, 'dryRun=false')).statusCode).toBe(201);
      const other = profileFor({ bundleId: `${prefix}.*`, signer, expirationDate: daysFromNow(500) });
      const second = await renew(agent, profileId, other, 'dryRun=false');
      expect(second.statusCode).toBe(409);
      expect(errorCode(second)).toBe('renewal.profile_superseded');
    });

    it('retries failed devices and hides renewals from a sibling OG', async () => {
      const { og, agent, replacement, profileId } = await world();
      const renewal = (await renew(agent, profileId, replacement, 'dryRun=false')).json<RenewalBody>();
      const sibling = await createOg(context.database());
      const { agent: stranger } = await adminAgent(context.app(), context.database(), sibling.id, 'system');
      expect((await call(context.app(), stranger, 'GET', `/api/v1/renewals/${renewal.id}`)).statusCode).toBe(404);
      expect((await call(context.app(), stranger, 'GET', `/api/v1/renewals/${renewal.id}/devices`)).statusCode).toBe(404);
      expect((await call(context.app(), stranger, 'POST', `/api/v1/renewals/${renewal.id}/retry`)).statusCode).toBe(404);

      const devices = (await call(context.app(), agent, 'GET', `/api/v1/renewals/${renewal.id}/devices?state=pending`)).json<{ items: { state: string }[] }>();
      expect(devices.items.map((device) => device.state)).toEqual(['pending', 'pending']);
      const retried = await call(context.app(), agent, 'POST', `/api/v1/renewals/${renewal.id}/retry`);
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.json<RenewalBody>().rollout.total).toBe(2);
      const visible = (await call(context.app(), agent, 'GET', `/api/v1/renewals?og=${og.id}`)).json<RenewalBody[]>();
      expect(visible).toHaveLength(1);
    });
  });
});
