import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlist, type PlistDict } from '../../formats/plist/index.js';
import { createEnrollmentCa, openEnrollmentCa } from './ca.js';
import { issueEnrollmentProfile } from './enroll.js';

const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;
const directory = mkdtempSync(join(tmpdir(), 'provisio-enroll-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const ca = openEnrollmentCa(await createEnrollmentCa());

describe('issueEnrollmentProfile', () => {
  it('packs a fresh identity, with its password, into the profile', async () => {
    const { mobileconfig, identity } = await issueEnrollmentProfile(ca, {
      serverUrl: 'https://mdm.example.com/mdm/connect',
      checkInUrl: 'https://mdm.example.com/mdm/checkin',
      topic: 'com.apple.mgmt.External.0c7f1f5a-6d1e-4a5e-9a37-3c0f6b8e2d11',
      og: { id: 3, name: 'Warehouse' },
      name: 'Warehouse devices',
      udidHint: 'download-19',
    });
    expect(new X509Certificate(identity.certificate).subject).toContain('CN=Provisio device download-19');
    const [pkcs12Payload] = (parsePlist(mobileconfig) as PlistDict)['PayloadContent'] as PlistDict[];
    const password = pkcs12Payload?.['Password'] as string;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    if (!HAS_OPENSSL) return;
    const path = join(directory, 'identity.p12');
    writeFileSync(path, pkcs12Payload?.['PayloadContent'] as Uint8Array);
    const result = spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-in', path, '-passin', `pass:${password}`], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('pbeWithSHA1And3-KeyTripleDES-CBC');
    expect(result.stdout).toContain(identity.certificatePem.split('\n')[1]);
  });
});
