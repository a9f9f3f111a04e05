import { describe, expect, it } from 'vitest';
import { writeBuild } from '../cli-client/builds.js';
import { runClient, useCliServer } from '../cli-client/harness.js';

const server = useCliServer();

/** A group with one uploaded app whose profile expires in `days` days; returns the group id, a token and the build. */
async function groupWithApp(name: string, days: number) {
  const ogId = await server().createOg(name);
  const token = await server().createToken('app-admin');
  const build = await writeBuild(server().workDir, { displayName: `${name} App`, expiresInDays: days });
  expect((await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', String(ogId))).code).toBe(0);
  return { ogId, token, build };
}

describe('provisio expiring', () => {
  it('prints the profiles and apps of a group that expire within the window as tables', async () => {
    const { token, build } = await groupWithApp('Expiring Co', 45);

    const run = await runClient(server(), token, 'expiring', '--og', 'Expiring Co');
    expect(run.code, run.err).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Expiring within 60 days or expired, as of \d{4}-\d{2}-\d{2}:$/);
    const columns = (header: string) => lines.slice(lines.indexOf(lines.find((line) => line.startsWith(header)) ?? '') + 1)[0]?.split(/\s{2,}/);
    expect(lines).toContain('no certificates');
    expect(columns('PROFILE')).toEqual([expect.any(String), build.profileUuid, 'Expiring Co', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '45', '1', '0']);
    expect(columns('APP')).toEqual(['Expiring Co App', build.bundleId, 'Expiring Co', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '45', '0']);

    const narrow = await runClient(server(), token, 'expiring', '--og', 'Expiring Co', '--within', '30');
    expect(narrow.out).toContain('no profiles\n');
    expect(narrow.out).toContain('no apps\n');
    expect(narrow.code).toBe(0);
  });

  it('prints stable JSON with each group named', async () => {
    const { ogId, token, build } = await groupWithApp('Expiring Json', 12);
    const run = await runClient(server(), token, 'expiring', '--og', String(ogId), '--within', '20', '--json');
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(run.out) as Record<string, unknown>;
    expect(report).toMatchObject({
      withinDays: 20,
      profiles: [{ uuid: build.profileUuid, daysLeft: 12, apps: 1, devices: 0, og: { id: ogId, name: 'Expiring Json', path: 'Global/Expiring Json' } }],
      certificates: [],
      apps: [{ bundleId: build.bundleId, daysLeft: 12, devices: 0, og: { id: ogId } }],
      truncated: false,
    });
  });

  it('exits 2 on a usage error and 1 when the server refuses or the group is unknown', async () => {
    const token = await server().createToken('read-only');
    const usage = await runClient(server(), token, 'expiring', '--within', 'soon');
    expect(usage.code).toBe(2);
    const refused = await runClient(server(), 'pvs_not-a-real-token', 'expiring');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^provisio expiring: /);
    const unknownGroup = await runClient(server(), token, 'expiring', '--og', 'No Such Group');
    expect(unknownGroup.code).toBe(1);
    expect(unknownGroup.err).toContain('No Such Group');
  });
});
