import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/cli/client/api-client.js';
import { fetchAllPages } from '../../src/cli/client/paging.js';
import { appSchema } from '../../src/http/routes/app.dto.js';
import { writeBuild } from './builds.js';
import { runCli, runClient, useCliServer } from './harness.js';

const server = useCliServer();

describe('provisio apps upload', () => {
  it('uploads an app into a group named by name, streaming it, and reports its renewal date', async () => {
    const ogId = await server().createOg('Acme Upload');
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { displayName: 'Field', shortVersion: '2.1', build: '210', expiresInDays: 45 });

    const run = await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', 'acme upload');

    expect(run.err).toMatch(new RegExp(`^uploaded ${build.bundleId}\\.ipa: [\\d.]+ kB in [\\d.]+ s \\([\\d.]+ [kM]B/s\\)\\n$`));
    expect(run.out).toContain(`uploaded Field 2.1 (210), ${build.bundleId}, to Global/Acme Upload: app `);
    expect(run.out).toMatch(/renewal date: \d{4}-\d{2}-\d{2} \(45 days left\)\n$/);
    expect(run.code).toBe(0);
    const listed = await runClient(server(), token, 'apps', 'list', '--og', String(ogId), '--json');
    expect(JSON.parse(listed.out)).toMatchObject([{ bundleId: build.bundleId, og: { id: ogId }, version: { shortVersion: '2.1', build: '210' } }]);
  });

  it('sends the profile given with --profile, with the server and token from the environment', async () => {
    const ogId = await server().createOg('Acme Apart');
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { profileApart: true });
    const env = { PROVISIO_SERVER: server().url, PROVISIO_TOKEN: token };

    const without = await runCli(['apps', 'upload', build.ipaPath, '--og', '/Global/Acme Apart'], env);
    expect(without.err).toContain('[ipa.no_profile]');
    expect(without.code).toBe(1);

    const run = await runCli(['apps', 'upload', build.ipaPath, '--og', String(ogId), '--profile', build.profilePath, '--json'], env);
    expect(run.code).toBe(0);
    const uploaded = JSON.parse(run.out) as { app: { og: { id: number; path: string } }; createdProfileIds: number[] };
    expect(uploaded.app.og).toEqual({ id: ogId, name: 'Acme Apart', path: 'Global/Acme Apart' });
    expect(uploaded.createdProfileIds).toHaveLength(1);
  });

  it('accepts a development profile only with --limited-devices', async () => {
    await server().createOg('Acme Lab');
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { profileType: 'development' });

    const refused = await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', 'Acme Lab');
    expect(refused.err).toMatch(/^provisio apps upload: .* \[profile\.not_enterprise\] \(HTTP 422\)\n {2}- \[profile\.not_enterprise\] /);
    expect(refused.code).toBe(1);

    const accepted = await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', 'Acme Lab', '--limited-devices');
    expect(accepted.code).toBe(0);
  });
});

describe('provisio apps list', () => {
  it('shows name, bundle id, version, group, renewal date and days left in a table', async () => {
    const ogId = await server().createOg('Table Co');
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { displayName: 'Survey', shortVersion: '3.0', build: '300', expiresInDays: 90 });
    expect((await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', String(ogId))).code).toBe(0);

    const run = await runClient(server(), token, 'apps', 'list', '--og', 'Table Co');

    const [header, row, ...rest] = run.out.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['NAME', 'BUNDLE ID', 'VERSION', 'OG', 'RENEWAL DATE', 'DAYS LEFT']);
    expect(row?.split(/\s{2,}/)).toEqual(['Survey', build.bundleId, '3.0 (300)', 'Table Co', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '90']);
    expect(rest).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('prints stable camelCase JSON, one object per app', async () => {
    const ogId = await server().createOg('Json Co');
    const token = await server().createToken('read-only', ogId);
    const uploader = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { expiresInDays: 10 });
    expect((await runClient(server(), uploader, 'apps', 'upload', build.ipaPath, '--og', String(ogId))).code).toBe(0);

    const run = await runClient(server(), token, 'apps', 'list', '--json');

    const rows = JSON.parse(run.out) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'name', 'bundleId', 'platform', 'og', 'version', 'effectiveExpiry', 'daysLeft']);
    expect(rows[0]).toMatchObject({ bundleId: build.bundleId, og: { id: ogId, name: 'Json Co', path: 'Json Co' }, daysLeft: 10 });
  });

  it('exits 3 with --expiring-within when a listed app stops within that many days, 0 when none does', async () => {
    const ogId = await server().createOg('Expiry Co');
    const token = await server().createToken('app-admin');
    const soon = await writeBuild(server().workDir, { expiresInDays: 20 });
    const later = await writeBuild(server().workDir, { expiresInDays: 200 });
    for (const build of [soon, later]) expect((await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', String(ogId))).code).toBe(0);

    const failing = await runClient(server(), token, 'apps', 'list', '--og', String(ogId), '--expiring-within', '30');
    expect(failing.out).toContain(soon.bundleId);
    expect(failing.out).not.toContain(later.bundleId);
    expect(failing.err).toBe('1 app expires within 30 days\n');
    expect(failing.code).toBe(3);

    const passing = await runClient(server(), token, 'apps', 'list', '--og', String(ogId), '--expiring-within', '19');
    expect(passing.out).toBe('no apps\n');
    expect(passing.code).toBe(0);

    const json = await runClient(server(), token, 'apps', 'list', '--og', String(ogId), '--expiring-within', '365', '--json');
    expect((JSON.parse(json.out) as Array<{ bundleId: string }>).map((app) => app.bundleId)).toEqual([soon.bundleId, later.bundleId]);
    expect(json.code).toBe(3);
  });

  it('refuses a malformed --expiring-within as a usage error', async () => {
    const run = await runCli(['apps', 'list', '--expiring-within', 'soon', '--server', server().url, '--token', 'prv_unused_here']);
    expect(run.err).toContain('expected a whole number of days');
    expect(run.code).toBe(2);
  });

  it('follows cursor pages to the last one', async () => {
    const ogId = await server().createOg('Paging Co');
    const token = await server().createToken('app-admin');
    for (let index = 0; index < 3; index += 1) {
      const build = await writeBuild(server().workDir);
      expect((await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', String(ogId))).code).toBe(0);
    }
    const config = { serverUrl: new URL(`${server().url}/`), token, verbose: false };
    const client = new ApiClient({ config, log: () => undefined, now: () => 0 });
    const apps = await fetchAllPages(client, 'apps', appSchema, { og: ogId }, 1);
    expect(apps).toHaveLength(3);
    expect(new Set(apps.map((app) => app.id)).size).toBe(3);
  });
});
