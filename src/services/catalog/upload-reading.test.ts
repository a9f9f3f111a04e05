import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TrustAnchors } from '../../formats/cms/index.js';
import { buildIpa, developerSigner } from '../../testkit/ipa/index.js';
import { testPki } from '../../testkit/pki/index.js';
import { buildProfile, defaultSigner } from '../../testkit/profile/index.js';
import type { ProfileTrust } from './profile-trust.js';
import { readAppUpload, readProfileUpload } from './upload-reading.js';

const folder = mkdtempSync(path.join(tmpdir(), 'provisio-reading-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TEAM = 'READTEAM01';
const signer = developerSigner(TEAM, { notBefore: new Date('2025-01-01Z'), notAfter: new Date('2030-01-01Z') });

/** Trust that pins the test root the way production pins Apple's: learned only when a file carries it. */
function pinnedTrust(): ProfileTrust & { remembered: Uint8Array[] } {
  const remembered: Uint8Array[] = [];
  const anchors = new TrustAnchors().addPin(testPki().root.summary.sha256);
  return { anchors, remember: (roots) => Promise.resolve(void remembered.push(...roots)), allowUntrustedProfiles: false, remembered };
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

/** A profile whose CMS carries the intermediate only, like older Apple profiles without the root. */
function profileWithoutRoot(bundleId: string): Uint8Array {
  const { certificate, privateKey } = defaultSigner();
  const chain = [testPki().intermediate.der];
  return buildProfile({ bundleId, teamId: TEAM, developerCertificates: [signer.certificate], signer: { certificate, privateKey, chain } });
}

describe('readAppUpload', () => {
  it('reads the files again when one taught a pinned root another needed, and remembers the root', async () => {
    const trust = pinnedTrust();
    const embedded = buildProfile({ bundleId: 'com.example.read', teamId: TEAM, developerCertificates: [signer.certificate] });
    const ipa = write('app.ipa', await buildIpa({ bundleId: 'com.example.read', profile: embedded, signer }));
    const profile = write('old.mobileprovision', profileWithoutRoot('com.example.read'));
    const files = await readAppUpload(ipa, profile, trust);
    expect(files.profile?.profile.signature.status).toBe('valid');
    expect(files.ipa.inspection.profile?.signature.status).toBe('valid');
    expect(trust.remembered).toEqual([testPki().root.der]);
    expect(files.ipa.embeddedProfiles.get(files.ipa.inspection.profile?.uuid ?? '')).toEqual(embedded);
  });

  it('leaves a profile untrusted when nothing teaches the root', async () => {
    const trust = pinnedTrust();
    const signed = profileWithoutRoot('com.example.alone');
    const { profile, bytes } = await readProfileUpload(write('alone.mobileprovision', signed), trust);
    expect(profile.signature.status).toBe('untrusted');
    expect(bytes).toEqual(signed);
    expect(trust.remembered).toEqual([]);
  });

  it('names the file a parse failure concerns', async () => {
    const trust = pinnedTrust();
    const ipa = write('text.ipa', new TextEncoder().encode('plain text'));
    const refusal = { code: 'zip.not_a_zip', details: { file: 'ipa' }, status: 422 };
    await expect(readAppUpload(ipa, undefined, trust)).rejects.toMatchObject(refusal);
  });
});
