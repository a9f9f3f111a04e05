import { describe, expect, it } from 'vitest';
import { writeBuild } from './builds.js';
import { runClient, useCliServer } from './harness.js';

const server = useCliServer();

/** A new group and an app admin's token, with the Ledger app uploaded into it through the client; its profile expires in 45 days. */
async function ledgerUploadedTo(ogName: string) {
  const ogId = await server().createOg(ogName);
  const token = await server().createToken('app-admin');
  const build = await writeBuild(server().workDir, { displayName: 'Ledger', expiresInDays: 45 });
  expect((await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', String(ogId))).code).toBe(0);
  return { token, build };
}

describe('provisio profiles renew and rollouts show', () => {
  it('prints the plan on --dry-run, applies the renewal, answers the same renewal when repeated, and shows the rollout', async () => {
    const { token, build } = await ledgerUploadedTo('Renewals');
    const renewal = build.writeRenewal(400);

    const plan = await runClient(server(), token, 'profiles', 'renew', build.profileUuid, renewal.path, '--dry-run');
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out).toContain(`-> Ledger profile (${renewal.uuid})`);
    expect(plan.out).toMatch(/\(\+355 days\)/);
    expect(plan.out).toMatch(/dry run: nothing changed\n$/);

    const applied = await runClient(server(), token, 'profiles', 'renew', build.profileUuid, renewal.path, '--json');
    expect(applied.code, applied.err).toBe(0);
    const body = JSON.parse(applied.out) as { id: number; newProfile: { uuid: string }; rollout: { total: number; complete: boolean } };
    expect(body.newProfile.uuid.toUpperCase()).toBe(renewal.uuid.toUpperCase());
    expect(body.rollout).toMatchObject({ total: 0, complete: true });

    const again = await runClient(server(), token, 'profiles', 'renew', build.profileUuid, renewal.path, '--json');
    expect((JSON.parse(again.out) as { id: number }).id).toBe(body.id);

    const shown = await runClient(server(), token, 'rollouts', 'show', String(body.id));
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toMatch(new RegExp(`^renewal ${body.id}: Ledger profile`));
    expect(shown.out).toContain('rollout: 0/0 installed (100%)');
  });

  it('explains every failed check and exits 1; a bad id is a usage error', async () => {
    const { token, build } = await ledgerUploadedTo('Renewals Refused');
    const earlier = build.writeRenewal(10);

    const refused = await runClient(server(), token, 'profiles', 'renew', build.profileUuid, earlier.path);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[renewal.checks_failed] (HTTP 422)');
    expect(refused.err).toContain('- [renewal.not_later]');

    const usage = await runClient(server(), token, 'rollouts', 'show', 'abc');
    expect(usage.code).toBe(2);
  });
});
