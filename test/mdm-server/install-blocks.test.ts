import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appFixture, codeSigner, profileFor, uniqueBundleId, uploadApp, uploadProfile, TEAM } from '../catalog/fixtures.js';
import { call, createOg, errorCode, tokenAgent, unique, type Agent } from '../http/fixtures.js';
import { forEachMdmApp, RecordingPushSender, SignedDevice } from './harness.js';

const DAY_MS = 86_400_000;
const sender = new RecordingPushSender();

interface Uploaded {
  app: { id: number };
  version: { id: number; bundles: { profile: { id: number } }[] };
}

forEachMdmApp((context) => {
  const app = (): FastifyInstance => context.app();
  const daysAhead = (days: number) => new Date(context.clock.now().getTime() + days * DAY_MS);

  /** An OG with one enrolled device, and an app-admin token for it. */
  async function setup() {
    const og = await createOg(context.database());
    const device = await SignedDevice.issue(context.ca(), og, unique('UDID'));
    await device.enroll(app());
    const { ogs, devices } = context.database().repositories;
    const deviceId = (await devices.findByUdid(await ogs.rootScope(), device.udid))?.id;
    const { agent } = await tokenAgent(context.database(), og.id, 'app-admin');
    return { og, deviceId, agent };
  }

  async function upload(agent: Agent, ogId: number, fixture: Awaited<ReturnType<typeof appFixture>>): Promise<Uploaded> {
    const response = await uploadApp(app(), agent, { og: ogId, ipa: fixture.ipa });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Uploaded>();
  }

  const install = (agent: Agent, versionId: number, ogId: number) =>
    call(app(), agent, 'POST', `/api/v1/app-versions/${versionId}/install`, { target: { ogId } });

  const history = async (agent: Agent, deviceId: number | undefined) =>
    (await call(app(), agent, 'GET', `/api/v1/devices/${deviceId}/commands`)).json<{ items: { requestType: string }[] }>().items.map((item) => item.requestType);
  const installAudits = async (agent: Agent, ogId: number) =>
    (await call(app(), agent, 'GET', `/api/v1/audit?ogId=${ogId}&action=app_version.install`)).json<{ items: unknown[] }>().items;

  /** A 409 with the stable code, after which the device's queue and the audit log are as they were. */
  async function expectRefused(refusal: () => Promise<LightMyRequestResponse>, code: string, agent: Agent, ogId: number, deviceId: number | undefined) {
    const [queuedBefore, auditedBefore] = [await history(agent, deviceId), await installAudits(agent, ogId)];
    const response = await refusal();
    expect(response.statusCode, response.body).toBe(409);
    expect(errorCode(response)).toBe(code);
    expect(await history(agent, deviceId)).toEqual(queuedBefore);
    expect(await installAudits(agent, ogId)).toEqual(auditedBefore);
    return response.json<{ error: { message: string; details: Record<string, unknown> } }>().error;
  }

  describe('installing an app version that devices must not get', () => {
    it('refuses a version whose profile has expired with 409 app.expired', async () => {
      const { og, deviceId, agent } = await setup();
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const profile = profileFor({ bundleId, signer, expirationDate: daysAhead(3) });
      const uploaded = await upload(agent, og.id, await appFixture({ bundleId, signer, profile }));
      expect((await install(agent, uploaded.version.id, og.id)).statusCode).toBe(202);

      context.clock.advance(4 * DAY_MS);
      const error = await expectRefused(() => install(agent, uploaded.version.id, og.id), 'app.expired', agent, og.id, deviceId);
      expect(error.message).toContain('expired on');
      expect(error.details).toMatchObject({ appVersionId: uploaded.version.id, status: 'active' });
    });

    it('refuses a version whose signing certificate has expired, though its profile has not', async () => {
      const { og, deviceId, agent } = await setup();
      const signer = codeSigner(TEAM, { notBefore: daysAhead(-365), notAfter: daysAhead(2) });
      const uploaded = await upload(agent, og.id, await appFixture({ signer }));
      context.clock.advance(3 * DAY_MS);
      const error = await expectRefused(() => install(agent, uploaded.version.id, og.id), 'app.expired', agent, og.id, deviceId);
      // The certificate's notAfter (a day ago), long before the profile's ExpirationDate.
      const effectiveExpiry = new Date(String(error.details.effectiveExpiry)).getTime();
      expect(context.clock.now().getTime() - effectiveExpiry).toBeGreaterThan(0);
      expect(context.clock.now().getTime() - effectiveExpiry).toBeLessThan(2 * DAY_MS);
    });

    it('refuses a retired version with 409 app.retired', async () => {
      const { og, deviceId, agent } = await setup();
      const uploaded = await upload(agent, og.id, await appFixture());
      const retired = await call(app(), agent, 'POST', `/api/v1/apps/${uploaded.app.id}/versions/${uploaded.version.id}/retire`);
      expect(retired.statusCode, retired.body).toBe(200);
      const error = await expectRefused(() => install(agent, uploaded.version.id, og.id), 'app.retired', agent, og.id, deviceId);
      expect(error.details).toMatchObject({ appVersionId: uploaded.version.id, status: 'retired' });
    });

    it('refuses a version whose profile was superseded by one that is gone, and allows it while the successor exists', async () => {
      const { og, deviceId, agent } = await setup();
      const signer = codeSigner();
      const bundleId = uniqueBundleId();
      const uploaded = await upload(agent, og.id, await appFixture({ bundleId, signer }));
      const successorUpload = await uploadProfile(app(), agent, og.id, profileFor({ bundleId, signer, name: unique('Renewed') }).bytes);
      expect(successorUpload.statusCode, successorUpload.body).toBe(201);
      const successorId = successorUpload.json<{ profile: { id: number } }>().profile.id;
      const { ogs, profiles } = context.database().repositories;
      const linkedId = uploaded.version.bundles[0]?.profile.id ?? 0;
      // A renewal that was not applied to this version: its bundle still runs under the old profile.
      expect(await profiles.supersede(await ogs.rootScope(), linkedId, successorId)).toMatchObject({ status: 'superseded' });

      const whileSucceeded = await install(agent, uploaded.version.id, og.id);
      expect(whileSucceeded.statusCode, whileSucceeded.body).toBe(202);

      expect((await call(app(), agent, 'DELETE', `/api/v1/profiles/${successorId}`)).statusCode).toBe(204);
      const error = await expectRefused(() => install(agent, uploaded.version.id, og.id), 'app.profile_superseded', agent, og.id, deviceId);
      expect(error.details).toMatchObject({ appVersionId: uploaded.version.id, profileId: linkedId });
      expect(await history(agent, deviceId)).toEqual(['InstallApplication', 'InstallProvisioningProfile']);
    });

    it('installs a version that is valid now', async () => {
      const { og, agent } = await setup();
      const uploaded = await upload(agent, og.id, await appFixture());
      const response = await install(agent, uploaded.version.id, og.id);
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toMatchObject({ commands: [{ queued: 1 }, { queued: 1 }] });
    });
  });
}, () => sender);
