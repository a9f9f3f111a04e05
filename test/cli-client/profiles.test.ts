import { describe, expect, it } from 'vitest';
import { writeBuild } from './builds.js';
import { runClient, useCliServer } from './harness.js';

const server = useCliServer();

describe('provisio profiles', () => {
  it('uploads a profile, and says so when the group already holds its UUID', async () => {
    await server().createOg('Profiles Up');
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { displayName: 'Depot', expiresInDays: 60 });

    const first = await runClient(server(), token, 'profiles', 'upload', build.profilePath, '--og', 'Profiles Up');
    expect(first.out).toMatch(new RegExp(`^uploaded profile Depot profile \\(${build.profileUuid}\\) in Global/Profiles Up: id \\d+, enterprise, version 1\\n`));
    expect(first.out).toMatch(/expires: \d{4}-\d{2}-\d{2} \(60 days left\)\n$/);
    expect(first.err).toMatch(/^uploaded .*\.mobileprovision: [\d.]+ kB in /);
    expect(first.code).toBe(0);

    const again = await runClient(server(), token, 'profiles', 'upload', build.profilePath, '--og', 'Profiles Up', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ created: false, profile: { uuid: build.profileUuid, og: { name: 'Profiles Up' } } });
    expect(again.code).toBe(0);
  });

  it('lists profiles soonest expiry first, as a table or JSON, and exits 3 when one expires within DAYS', async () => {
    const ogId = await server().createOg('Profiles List');
    const token = await server().createToken('app-admin');
    const later = await writeBuild(server().workDir, { expiresInDays: 300 });
    const soon = await writeBuild(server().workDir, { expiresInDays: 12 });
    for (const build of [later, soon]) {
      expect((await runClient(server(), token, 'profiles', 'upload', build.profilePath, '--og', String(ogId))).code).toBe(0);
    }

    const table = await runClient(server(), token, 'profiles', 'list', '--og', String(ogId));
    const lines = table.out.trimEnd().split('\n');
    expect(lines[0]?.split(/\s{2,}/)).toEqual(['ID', 'NAME', 'TYPE', 'APP ID', 'UUID', 'OG', 'EXPIRES', 'DAYS LEFT', 'STATUS']);
    expect(lines.slice(1).map((line) => line.includes(soon.profileUuid))).toEqual([true, false]);
    expect(lines[1]).toMatch(/\s12\s+active$/);
    expect(table.code).toBe(0);

    const json = await runClient(server(), token, 'profiles', 'list', '--og', String(ogId), '--json');
    const rows = JSON.parse(json.out) as Array<{ uuid: string; applicationIdentifier: string; daysLeft: number; og: { path: string } }>;
    expect(rows.map((row) => row.uuid)).toEqual([soon.profileUuid, later.profileUuid]);
    expect(rows[0]).toMatchObject({ applicationIdentifier: `TESTTEAM01.${soon.bundleId}`, daysLeft: 12, og: { path: 'Global/Profiles List' } });

    const expiring = await runClient(server(), token, 'profiles', 'list', '--og', String(ogId), '--expiring-within', '30');
    expect(expiring.out).toContain(soon.profileUuid);
    expect(expiring.out).not.toContain(later.profileUuid);
    expect(expiring.err).toBe('1 profile expires within 30 days\n');
    expect(expiring.code).toBe(3);
  });

  it('shows one profile by id or by UUID, with the apps that share it', async () => {
    const ogId = await server().createOg('Profiles Show');
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { displayName: 'Scanner', shortVersion: '4.2', build: '42' });
    expect((await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', String(ogId))).code).toBe(0);

    const byUuid = await runClient(server(), token, 'profiles', 'show', build.profileUuid.toUpperCase(), '--json');
    expect(byUuid.code).toBe(0);
    const detail = JSON.parse(byUuid.out) as { id: number; uuid: string; og: { id: number }; sharedBy: unknown[]; certificates: unknown[] };
    expect(detail).toMatchObject({ uuid: build.profileUuid, og: { id: ogId }, sharedBy: [{ appName: 'Scanner', shortVersion: '4.2', build: '42', bundleId: build.bundleId }] });
    expect(detail.certificates).toHaveLength(1);

    const byId = await runClient(server(), token, 'profiles', 'show', String(detail.id));
    expect(byId.out).toContain(`Profile       Scanner profile (${build.profileUuid})`);
    expect(byId.out).toMatch(/\nOG {12}Global\/Profiles Show \(id \d+\)\n/);
    expect(byId.out).toContain(`Used by       Scanner 4.2 (42) ${build.bundleId} [active]`);
    expect(byId.code).toBe(0);
  });

  it('reports an unknown profile with the API code, and a malformed reference as a usage error', async () => {
    const token = await server().createToken('read-only');

    const missing = await runClient(server(), token, 'profiles', 'show', '999999');
    expect(missing.err).toBe('provisio profiles show: profile not found [not_found] (HTTP 404)\n');
    expect(missing.code).toBe(1);

    const unknownUuid = await runClient(server(), token, 'profiles', 'show', '00000000-0000-4000-8000-000000000000');
    expect(unknownUuid.err).toContain('no profile with UUID 00000000-0000-4000-8000-000000000000 in your scope');
    expect(unknownUuid.code).toBe(1);

    const malformed = await runClient(server(), token, 'profiles', 'show', 'latest');
    expect(malformed.err).toContain('"latest" is neither a profile id nor a UUID');
    expect(malformed.code).toBe(2);
  });
});
