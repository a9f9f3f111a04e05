import { existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { buildIpa, developerSigner } from '../../src/testkit/ipa/index.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { buildProfile } from '../../src/testkit/profile/index.js';

const AS_OF = '2026-06-01T00:00:00Z';
const validity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };

let dir: string;
let anchors: string;
let trustStore: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'provisio-inspect-'));
  trustStore = join(dir, 'trust');
  anchors = join(dir, 'test-root.pem');
  writeFileSync(anchors, testPki().root.pem);
  mkdirSync(join(dir, 'files', 'nested'), { recursive: true });
  writeFileSync(
    join(dir, 'files', 'enterprise.mobileprovision'),
    buildProfile({ name: 'Field Service', uuid: '11111111-2222-4333-8444-555555555555', bundleId: 'com.acme.field', creationDate: new Date('2026-01-01T00:00:00Z'), expirationDate: new Date('2026-06-13T00:00:00Z') }),
  );
  writeFileSync(join(dir, 'files', 'nested', 'dev.mobileprovision'), buildProfile({ type: 'development', bundleId: '*', expirationDate: new Date('2027-01-01T00:00:00Z') }));
  writeFileSync(join(dir, 'files', 'notes.txt'), 'not inspected when walking a directory');
  await buildIpa(
    {
      bundleId: 'com.acme.field',
      shortVersion: '2.1',
      version: '210',
      displayName: 'Field',
      profile: buildProfile({ bundleId: 'com.acme.field', expirationDate: new Date('2026-12-01T00:00:00Z') }),
      signer: developerSigner('TESTTEAM01', validity),
      extensions: [{ name: 'Widget', bundleId: 'com.acme.field.widget', profile: buildProfile({ bundleId: 'com.acme.field.widget', expirationDate: new Date('2026-09-01T00:00:00Z') }) }],
    },
    join(dir, 'files', 'Field.ipa'),
  );
  writeFileSync(join(dir, 'broken.mobileprovision'), new Uint8Array(0));
});

async function inspect(...args: string[]) {
  const io = bufferIo();
  const code = await main(['inspect', '--trust-store', trustStore, '--anchors', anchors, '--as-of', AS_OF, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('provisio inspect', () => {
  it('walks directories for IPAs and profiles and prints a block per file', async () => {
    const { code, out } = await inspect(join(dir, 'files'));
    expect(code).toBe(0);
    expect(out).toContain('Field.ipa');
    expect(out).toContain('enterprise.mobileprovision');
    expect(out).toContain('dev.mobileprovision');
    expect(out).not.toContain('notes.txt');
    expect(out).toMatch(/Type\s+enterprise \(in-house\)/);
    expect(out).toMatch(/Expires\s+2026-06-13 \(expires in 12 days\)/);
    expect(out).toMatch(/Signature\s+valid \(signed by Provisio Test Provisioning Profile Signing\)/);
    expect(out).toMatch(/App dies\s+2026-09-01/);
  });

  it('prints the documented JSON fields', async () => {
    const { code, out } = await inspect('--json', join(dir, 'files'));
    expect(code).toBe(0);
    const results = JSON.parse(out) as Array<Record<string, unknown>>;
    const byName = (suffix: string) => results.find((result) => String(result.path).endsWith(suffix))!;

    const profile = byName('enterprise.mobileprovision');
    expect(profile).toMatchObject({
      kind: 'profile',
      name: 'Field Service',
      uuid: '11111111-2222-4333-8444-555555555555',
      teamId: 'TESTTEAM01',
      applicationIdentifier: 'TESTTEAM01.com.acme.field',
      bundleId: 'com.acme.field',
      isWildcard: false,
      platforms: ['iOS'],
      type: 'enterprise',
      expirationDate: '2026-06-13T00:00:00.000Z',
      provisionsAllDevices: true,
      deviceCount: 0,
      getTaskAllow: false,
      signature: { status: 'valid' },
    });
    expect(profile.certificates).toEqual([expect.objectContaining({ commonName: 'iPhone Distribution: Provisio Test Team', teamId: 'TESTTEAM01' })]);
    expect(profile.entitlements).toMatchObject({ 'application-identifier': 'TESTTEAM01.com.acme.field' });
    expect(byName('dev.mobileprovision')).toMatchObject({ type: 'development', isWildcard: true, deviceCount: 3 });

    const ipa = byName('Field.ipa');
    expect(ipa).toMatchObject({
      kind: 'ipa',
      bundleId: 'com.acme.field',
      shortVersion: '2.1',
      version: '210',
      displayName: 'Field',
      infoPlistFormat: 'binary',
      profile: { bundleId: 'com.acme.field', type: 'enterprise' },
      extensions: [{ bundleId: 'com.acme.field.widget', profile: { bundleId: 'com.acme.field.widget' } }],
      signingCertificate: { commonName: 'iPhone Distribution: Provisio Test Team' },
      effectiveExpiry: '2026-09-01T00:00:00.000Z',
    });
  });

  it('exits 1 when a file is rejected, and still reports the others', async () => {
    const { code, out } = await inspect('--json', join(dir, 'broken.mobileprovision'), join(dir, 'files', 'enterprise.mobileprovision'));
    expect(code).toBe(1);
    const results = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(results[0]).toMatchObject({ kind: 'error', error: { code: 'profile.empty' } });
    expect(results[1]).toMatchObject({ kind: 'profile' });
  });

  it('exits 3 when something expires within the given days', async () => {
    const enterprise = join(dir, 'files', 'enterprise.mobileprovision');
    const soon = await inspect('--expiring-within', '12', enterprise);
    expect(soon.code).toBe(3);
    expect(soon.err).toContain('profile Field Service');
    expect((await inspect('--expiring-within', '11', enterprise)).code).toBe(0);
    expect((await inspect('--expiring-within', '100', join(dir, 'files', 'Field.ipa'))).code).toBe(3);
  });

  it('exits 2 on usage errors', async () => {
    expect((await inspect('--expiring-within', 'soon', dir)).code).toBe(2);
    expect((await inspect(join(dir, 'does-not-exist'))).code).toBe(2);
    expect((await main(['inspect'], bufferIo()))).toBe(2);
  });

  it('reports profiles from an unknown CA as untrusted', async () => {
    const io = bufferIo();
    const code = await main(['inspect', '--json', '--trust-store', join(dir, 'empty-trust'), join(dir, 'files', 'enterprise.mobileprovision')], io);
    expect(code).toBe(0);
    expect((JSON.parse(io.out()) as Array<{ signature: { status: string } }>)[0]?.signature.status).toBe('untrusted');
    expect(existsSync(join(dir, 'empty-trust')) ? readdirSync(join(dir, 'empty-trust')) : []).toEqual([]);
  });
});
