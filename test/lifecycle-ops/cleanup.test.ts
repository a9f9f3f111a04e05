import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuditTrail, type AuditedChange } from '../../src/services/audit/audit-trail.js';
import type { Caller } from '../../src/services/auth/actor.js';
import { CleanupService } from '../../src/services/lifecycle/cleanup.service.js';
import type { Database } from '../../src/store/database.js';
import type { Repositories } from '../../src/store/repositories.js';
import { forEachCatalogApp } from '../catalog/harness.js';
import { appFixture, codeSigner, daysFromNow, profileFor, uniqueBundleId, uploadApp, uploadProfile } from '../catalog/fixtures.js';
import { adminAgent, call, errorCode, type Agent } from '../http/fixtures.js';
import { createProfile, createScopedOg, defined, type ScopedOg } from '../store/builders.js';
import { callerIn } from './callers.js';

/** An audit trail whose second entry fails, as a full disk would make it. */
class FailingAudit extends AuditTrail {
  #entries = 0;

  override async record(repositories: Repositories, caller: Caller, change: AuditedChange): Promise<void> {
    this.#entries += 1;
    if (this.#entries === 2) throw new Error('audit log unavailable');
    await super.record(repositories, caller, change);
  }
}

interface ProfileSummary {
  id: number;
  uuid: string;
  status: string;
}

interface ReplacementBody {
  dryRun: boolean;
  profile: ProfileSummary;
  replaced: { profile: ProfileSummary; plan: { apps: { appId: number }[]; devices: number; diff: { expiry: { gainedDays: number } } }; renewalId: number | null }[];
}

/** An enrolled device in the OG straight in the store, with these apps (their stored versions) and profiles installed. */
async function seedDevice(database: Database, ogId: number, holding: { bundleIds?: readonly string[]; profiles?: readonly { uuid: string; expiresAt: Date }[] }) {
  const versions = await Promise.all(
    (holding.bundleIds ?? []).map(async (bundleId) => {
      const version = await database.kysely.selectFrom('app_versions').innerJoin('apps', 'apps.id', 'app_versions.app_id').select('app_versions.id').where('apps.bundle_id', '=', bundleId).executeTakeFirst();
      return { bundleId, appVersionId: version?.id };
    }),
  );
  return database.transaction(async ({ ogs, devices, mdmEnrollments }) => {
    const root = await ogs.rootScope();
    const device = defined(await devices.upsert(root, { udid: randomUUID(), ogId, seenAt: new Date() }), 'device');
    await mdmEnrollments.bind(device.id, randomUUID().replaceAll('-', ''), 'com.apple.mgmt.test');
    await devices.recordInstallations(root, device.id, versions, new Date());
    await devices.recordProfiles(root, device.id, (holding.profiles ?? []).map((profile) => ({ ...profile, name: 'Reported' })), new Date());
    return device.id;
  });
}

forEachCatalogApp((context) => {
  const post = (agent: Agent, url: string) => call(context.app(), agent, 'POST', url);
  const get = (agent: Agent, url: string) => call(context.app(), agent, 'GET', url);
  const queuedOn = async (agent: Agent, deviceId: number) =>
    (await get(agent, `/api/v1/devices/${deviceId}/commands`)).json<{ items: { requestType: string }[] }>().items.map((item) => item.requestType);

  async function groupWithAdmin(): Promise<{ og: ScopedOg; agent: Agent }> {
    const og = await createScopedOg(context.database().repositories);
    return { og, agent: (await adminAgent(context.app(), context.database(), og.og.id, 'app-admin')).agent };
  }

  describe('delete unused profiles', () => {
    it('deletes the profiles of the group that no app uses, after a dry run that changes nothing, with audit entries', async () => {
      const { og, agent } = await groupWithAdmin();
      const other = await groupWithAdmin();
      const used = await appFixture();
      expect((await uploadApp(context.app(), agent, { og: og.og.id, ipa: used.ipa })).statusCode).toBe(201);
      const unused = [profileFor({ bundleId: uniqueBundleId() }), profileFor({ bundleId: uniqueBundleId() })];
      for (const profile of unused) expect((await uploadProfile(context.app(), agent, og.og.id, profile.bytes)).statusCode).toBe(201);
      const elsewhere = profileFor({ bundleId: uniqueBundleId() });
      expect((await uploadProfile(context.app(), other.agent, other.og.og.id, elsewhere.bytes)).statusCode).toBe(201);
      const uuidsIn = async (ogId: number, as: Agent) => (await get(as, `/api/v1/profiles?og=${ogId}`)).json<{ items: ProfileSummary[] }>().items.map((item) => item.uuid).sort();

      const dryRun = await post(agent, `/api/v1/profiles/cleanup/unused?og=${og.og.id}&dryRun=true`);
      expect(dryRun.statusCode, dryRun.body).toBe(200);
      expect(dryRun.json<{ profiles: ProfileSummary[] }>().profiles.map((profile) => profile.uuid).sort()).toEqual(unused.map((profile) => profile.uuid).sort());
      expect(await uuidsIn(og.og.id, agent)).toHaveLength(3);

      const applied = await post(agent, '/api/v1/profiles/cleanup/unused');
      expect(applied.json<{ dryRun: boolean; profiles: ProfileSummary[] }>()).toMatchObject({ dryRun: false, profiles: [{}, {}] });
      expect(await uuidsIn(og.og.id, agent)).toEqual([used.profile?.uuid]);
      expect(await uuidsIn(other.og.og.id, other.agent)).toEqual([elsewhere.uuid]);
      const audit = (await get(agent, `/api/v1/audit?og=${og.og.id}`)).json<{ items: { action: string; details: { uuid?: string; reason?: string } }[] }>();
      const deletions = audit.items.filter((entry) => entry.action === 'profile.delete' && entry.details.reason === 'unused');
      expect(deletions.map((entry) => entry.details.uuid).sort()).toEqual(unused.map((profile) => profile.uuid).sort());

      const { agent: reader } = await adminAgent(context.app(), context.database(), og.og.id, 'read-only');
      expect((await post(reader, '/api/v1/profiles/cleanup/unused')).statusCode).toBe(403);
      expect(errorCode(await post(agent, `/api/v1/profiles/cleanup/unused?og=${other.og.og.id}`))).toBe('not_found');
    });
  });

  describe('all or nothing', () => {
    it('deletes no profile and queues no removal when an audit entry cannot be written', async () => {
      const { og, agent } = await groupWithAdmin();
      const database = context.database();
      for (const profile of [profileFor({ bundleId: uniqueBundleId() }), profileFor({ bundleId: uniqueBundleId() })]) {
        expect((await uploadProfile(context.app(), agent, og.og.id, profile.bytes)).statusCode).toBe(201);
      }
      const expiredProfiles = [];
      for (const bundleId of [uniqueBundleId(), uniqueBundleId()]) {
        const expired = (await createProfile(database.repositories, og, { bundleId, expirationDate: daysFromNow(-3) })).profile;
        const successor = (await createProfile(database.repositories, og, { bundleId, expirationDate: daysFromNow(300) })).profile;
        expiredProfiles.push({ uuid: expired.uuid, expiresAt: expired.expirationDate }, { uuid: successor.uuid, expiresAt: successor.expirationDate });
      }
      const deviceId = await seedDevice(database, og.og.id, { profiles: expiredProfiles });
      const cleanup = () => new CleanupService({ database, clock: context.clock, audit: new FailingAudit(context.clock), pushes: { schedule: () => undefined } });
      const request = { ogId: undefined, dryRun: false };

      const unusedBefore = (await cleanup().deleteUnusedProfiles(callerIn(og), { ...request, dryRun: true })).profiles.length;
      expect(unusedBefore).toBeGreaterThanOrEqual(2);
      await expect(cleanup().deleteUnusedProfiles(callerIn(og), request)).rejects.toThrow('audit log unavailable');
      expect((await cleanup().deleteUnusedProfiles(callerIn(og), { ...request, dryRun: true })).profiles).toHaveLength(unusedBefore);

      await expect(cleanup().removeExpiredFromDevices(callerIn(og), request)).rejects.toThrow('audit log unavailable');
      expect(await queuedOn(agent, deviceId)).toEqual([]);
    });
  });

  describe('replace older versions', () => {
    /** An app under version 1 of a profile, on one device, and version 2 of that profile uploaded after it. */
    async function lineage(secondVersionSigner?: ReturnType<typeof codeSigner>) {
      const { og, agent } = await groupWithAdmin();
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const name = `Field ${bundleId}`;
      const first = profileFor({ bundleId, signer, name, expirationDate: daysFromNow(30) });
      const app = await appFixture({ bundleId, profile: first, signer });
      expect((await uploadApp(context.app(), agent, { og: og.og.id, ipa: app.ipa })).statusCode).toBe(201);
      const second = profileFor({ bundleId, signer: secondVersionSigner ?? signer, name, expirationDate: daysFromNow(400) });
      const stored = await uploadProfile(context.app(), agent, og.og.id, second.bytes);
      expect(stored.statusCode, stored.body).toBe(201);
      const profiles = (await get(agent, `/api/v1/profiles?og=${og.og.id}`)).json<{ items: ProfileSummary[] }>().items;
      const id = (uuid: string) => profiles.find((profile) => profile.uuid === uuid)?.id ?? 0;
      const deviceId = await seedDevice(context.database(), og.og.id, { bundleIds: [bundleId] });
      return { og, agent, bundleId, firstId: id(first.uuid), secondId: id(second.uuid), deviceId };
    }

    it('renews every app of the older version with the newer one and rolls it out, after a dry run that changes nothing', async () => {
      const { agent, firstId, secondId, deviceId, og } = await lineage();
      const dryRun = await post(agent, `/api/v1/profiles/${secondId}/replace-older-versions?dryRun=true`);
      expect(dryRun.statusCode, dryRun.body).toBe(200);
      const plan = dryRun.json<ReplacementBody>();
      expect(plan.replaced.map((version) => [version.profile.id, version.plan.apps.length, version.plan.devices, version.renewalId])).toEqual([[firstId, 1, 1, null]]);
      expect(plan.replaced[0]?.plan.diff.expiry.gainedDays).toBe(370);
      expect(await queuedOn(agent, deviceId)).toEqual([]);

      const applied = (await post(agent, `/api/v1/profiles/${secondId}/replace-older-versions`)).json<ReplacementBody>();
      const renewalId = applied.replaced[0]?.renewalId ?? 0;
      expect(renewalId).toBeGreaterThan(0);
      expect((await get(agent, `/api/v1/profiles/${firstId}`)).json<{ status: string; supersededBy: number }>()).toMatchObject({ status: 'superseded', supersededBy: secondId });
      expect(await queuedOn(agent, deviceId)).toEqual(['InstallProvisioningProfile']);
      const renewal = (await get(agent, `/api/v1/renewals/${renewalId}`)).json<{ oldProfile: { id: number }; newProfile: { id: number }; rollout: { total: number } }>();
      expect(renewal).toMatchObject({ oldProfile: { id: firstId }, newProfile: { id: secondId }, rollout: { total: 1 } });
      const audit = (await get(agent, `/api/v1/audit?og=${og.og.id}`)).json<{ items: { action: string; objectId: number }[] }>();
      expect(audit.items.filter((entry) => entry.action === 'profile.replace_older_versions').map((entry) => entry.objectId)).toEqual([secondId]);

      const again = (await post(agent, `/api/v1/profiles/${secondId}/replace-older-versions`)).json<ReplacementBody>();
      expect(again.replaced).toEqual([]);
      expect(errorCode(await post(agent, `/api/v1/profiles/${firstId}/replace-older-versions`))).toBe('cleanup.profile_superseded');
    });

    it('refuses, changing nothing, when the newer version could not run the apps of an older one', async () => {
      const { agent, firstId, secondId, deviceId } = await lineage(codeSigner());
      const refused = await post(agent, `/api/v1/profiles/${secondId}/replace-older-versions`);
      expect(refused.statusCode).toBe(422);
      expect(errorCode(refused)).toBe('cleanup.checks_failed');
      const violations = refused.json<{ error: { details: { violations: { code: string; profileId: number }[] } } }>().error.details.violations;
      expect(violations.map((violation) => [violation.code, violation.profileId])).toEqual([['renewal.missing_signing_certificate', firstId]]);
      expect((await get(agent, `/api/v1/profiles/${firstId}`)).json<{ status: string }>().status).toBe('active');
      expect(await queuedOn(agent, deviceId)).toEqual([]);
    });
  });

  describe('remove expired profiles from devices', () => {
    it('queues the removal only where a valid successor is installed, in scope, once', async () => {
      const { og, agent } = await groupWithAdmin();
      const database = context.database();
      const { repositories } = database;
      const bundleId = uniqueBundleId();
      const expired = (await createProfile(repositories, og, { bundleId, expirationDate: daysFromNow(-3) })).profile;
      const successor = (await createProfile(repositories, og, { bundleId, expirationDate: daysFromNow(300) })).profile;
      const unrelated = (await createProfile(repositories, og, { bundleId: uniqueBundleId(), expirationDate: daysFromNow(300) })).profile;
      const held = (profile: typeof expired) => ({ uuid: profile.uuid, expiresAt: profile.expirationDate });
      const withSuccessor = await seedDevice(database, og.og.id, { profiles: [held(expired), held(successor)] });
      const alone = await seedDevice(database, og.og.id, { profiles: [held(expired)] });
      const withUnrelated = await seedDevice(database, og.og.id, { profiles: [held(expired), held(unrelated)] });
      const outside = await groupWithAdmin();
      await seedDevice(database, outside.og.og.id, { profiles: [held(expired), held(successor)] });

      const url = `/api/v1/devices/cleanup/expired-profiles?og=${og.og.id}`;
      const dryRun = (await post(agent, `${url}&dryRun=true`)).json<{ removals: { uuid: string; devices: number }[]; devices: number }>();
      expect(dryRun).toMatchObject({ removals: [{ uuid: expired.uuid, devices: 1 }], devices: 1 });
      expect(await queuedOn(agent, withSuccessor)).toEqual([]);

      const applied = await post(agent, url);
      expect(applied.json<{ dryRun: boolean; devices: number }>()).toMatchObject({ dryRun: false, devices: 1 });
      expect(await queuedOn(agent, withSuccessor)).toEqual(['RemoveProvisioningProfile']);
      expect(await queuedOn(agent, alone)).toEqual([]);
      expect(await queuedOn(agent, withUnrelated)).toEqual([]);
      const again = (await post(agent, url)).json<{ removals: unknown[]; devices: number }>();
      expect(again).toMatchObject({ removals: [], devices: 0 });
      const audit = (await get(agent, `/api/v1/audit?og=${og.og.id}`)).json<{ items: { action: string; details: { devices?: number } }[] }>();
      expect(audit.items.filter((entry) => entry.action === 'profile.remove_from_devices').map((entry) => entry.details.devices)).toEqual([1]);
    });
  });
});
