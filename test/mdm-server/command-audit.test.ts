import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appFixture, uploadApp } from '../catalog/fixtures.js';
import { adminAgent, call, createOg, tokenAgent, unique, type Agent } from '../http/fixtures.js';
import { forEachMdmApp, RecordingPushSender, SignedDevice } from './harness.js';

interface AuditItem {
  actor: { kind: string; id: number | null };
  action: string;
  objectType: string | null;
  objectId: number | null;
  ogId: number;
  details: Record<string, unknown> | null;
}

const sender = new RecordingPushSender();

forEachMdmApp((context) => {
  const app = (): FastifyInstance => context.app();

  /** An OG with `count` enrolled devices; returns their ids. */
  async function ogWithDevices(count: number, parentId?: number) {
    const og = await createOg(context.database(), parentId);
    const ids: number[] = [];
    for (let index = 0; index < count; index++) {
      const device = await SignedDevice.issue(context.ca(), og, unique('UDID'));
      await device.enroll(app());
      const { ogs, devices } = context.database().repositories;
      const found = await devices.findByUdid(await ogs.rootScope(), device.udid);
      if (found === undefined) throw new Error('enrolled device not found');
      ids.push(found.id);
    }
    return { og, ids };
  }

  async function auditEntries(agent: Agent, query: string): Promise<AuditItem[]> {
    const response = await call(app(), agent, 'GET', `/api/v1/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: AuditItem[] }>().items;
  }

  describe('audit of admin command requests', () => {
    it('records who queued which command for one device, in the OG of the device', async () => {
      const parent = await createOg(context.database());
      const { og, ids } = await ogWithDevices(1, parent.id);
      const { admin, agent } = await adminAgent(app(), context.database(), parent.id, 'app-admin');
      const queued = await call(app(), agent, 'POST', `/api/v1/devices/${ids[0]}/commands`, { requestType: 'ProvisioningProfileList' });
      expect(queued.statusCode, queued.body).toBe(202);
      const { commandUuid } = queued.json<{ commandUuid: string }>();

      const [entry, ...others] = await auditEntries(agent, `ogId=${parent.id}&action=mdm_command.enqueue`);
      expect(others).toEqual([]);
      expect(entry).toMatchObject({
        actor: { kind: 'admin', id: admin.id },
        action: 'mdm_command.enqueue',
        objectType: 'mdm_command',
        ogId: og.id,
        details: {
          commands: [{ commandUuid, requestType: 'ProvisioningProfileList', devices: 1 }],
          devices: 1,
          target: { kind: 'devices', count: 1, deviceIds: ids },
        },
      });
      expect(entry?.objectId).toEqual(expect.any(Number));
    });

    it('records a fan-out to an OG with the number of devices it reached, and a token as its actor', async () => {
      const { og } = await ogWithDevices(3);
      const { token, agent } = await tokenAgent(context.database(), og.id, 'app-admin');
      const response = await call(app(), agent, 'POST', '/api/v1/commands', { command: { requestType: 'DeviceInformation' }, target: { ogId: og.id } });
      expect(response.json()).toMatchObject({ queued: 3 });
      const entries = await auditEntries(agent, `ogId=${og.id}&action=mdm_command.enqueue`);
      expect(entries).toMatchObject([
        { actor: { kind: 'token', id: token.id }, ogId: og.id, details: { devices: 3, target: { kind: 'all' }, commands: [{ requestType: 'DeviceInformation', devices: 3 }] } },
      ]);
    });

    it('records a fan-out to the holders of an app, even when it reached nobody', async () => {
      const { og } = await ogWithDevices(1);
      const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
      const target = { installedBundleId: 'com.acme.nobody-has-this' };
      const response = await call(app(), agent, 'POST', '/api/v1/commands', { command: { requestType: 'InstalledApplicationList' }, target });
      expect(response.json()).toMatchObject({ queued: 0 });
      const entries = await auditEntries(agent, `ogId=${og.id}&action=mdm_command.enqueue`);
      expect(entries).toMatchObject([{ details: { devices: 0, target: { kind: 'app', bundleId: 'com.acme.nobody-has-this' } } }]);
    });

    it('records an app install as one entry naming the version, its commands and the devices', async () => {
      const { og } = await ogWithDevices(2);
      const { admin, agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
      const fixture = await appFixture();
      const uploaded = await uploadApp(app(), agent, { og: og.id, ipa: fixture.ipa });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const versionId = uploaded.json<{ version: { id: number } }>().version.id;
      const install = await call(app(), agent, 'POST', `/api/v1/app-versions/${versionId}/install`, { target: { ogId: og.id } });
      expect(install.statusCode, install.body).toBe(202);
      const commands = install.json<{ commands: { commandUuid: string; requestType: string; queued: number }[] }>().commands;

      const entries = await auditEntries(agent, `ogId=${og.id}&action=app_version.install`);
      expect(entries).toEqual([
        expect.objectContaining({
          actor: { kind: 'admin', id: admin.id },
          objectType: 'app_version',
          objectId: versionId,
          ogId: og.id,
          details: {
            commands: commands.map(({ commandUuid, requestType }) => ({ commandUuid, requestType, devices: 2 })),
            devices: 2,
            target: { kind: 'all' },
          },
        }),
      ]);
      expect(commands.map((command) => command.requestType)).toEqual(['InstallProvisioningProfile', 'InstallApplication']);
      // The install's commands are audited once, as the install, not each as an enqueue.
      expect(await auditEntries(agent, `ogId=${og.id}&action=mdm_command.enqueue`)).toEqual([]);
    });

    it('shows the entry to admins above the OG, not to those of a sibling', async () => {
      const parent = await createOg(context.database());
      const { og, ids } = await ogWithDevices(1, parent.id);
      const sibling = await createOg(context.database(), parent.id);
      const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
      expect((await call(app(), agent, 'POST', `/api/v1/devices/${ids[0]}/commands`, { requestType: 'ManagedApplicationList' })).statusCode).toBe(202);
      const { agent: above } = await adminAgent(app(), context.database(), parent.id, 'read-only');
      const { agent: beside } = await adminAgent(app(), context.database(), sibling.id, 'read-only');
      expect(await auditEntries(above, 'action=mdm_command.enqueue')).toEqual(expect.arrayContaining([expect.objectContaining({ ogId: og.id })]));
      expect(await auditEntries(beside, 'action=mdm_command.enqueue')).toEqual([]);
    });

    it('writes nothing for a request refused before anything was queued', async () => {
      const { og, ids } = await ogWithDevices(1);
      const { agent } = await adminAgent(app(), context.database(), og.id, 'app-admin');
      const missingProfile = await call(app(), agent, 'POST', `/api/v1/devices/${ids[0]}/commands`, { requestType: 'InstallProvisioningProfile', profileId: 999_999 });
      expect(missingProfile.statusCode).toBe(404);
      const { agent: outsider } = await adminAgent(app(), context.database(), (await createOg(context.database())).id, 'app-admin');
      expect((await call(app(), outsider, 'POST', `/api/v1/devices/${ids[0]}/commands`, { requestType: 'ProvisioningProfileList' })).statusCode).toBe(404);
      expect(await auditEntries(agent, `ogId=${og.id}&action=mdm_command.enqueue`)).toEqual([]);
    });
  });
}, () => sender);
