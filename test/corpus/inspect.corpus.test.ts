import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import { TrustAnchors } from '../../src/formats/cms/index.js';
import { parsePlist } from '../../src/formats/plist/index.js';
import type { PlistDict } from '../../src/formats/plist/types.js';
import type { ProvisioningProfile } from '../../src/formats/profile/index.js';
import { inspectFiles, type InspectedFile } from '../../src/services/inspect.service.js';
import { HAS_CORPUS, corpusPath, readManifest, type ManifestRow } from './corpus.js';

const CLASS_TO_TYPE: Record<string, ProvisioningProfile['type']> = {
  enterprise: 'enterprise',
  development: 'development',
  'development (macOS)': 'development',
  'developer-id (macOS)': 'developer-id',
  appstore: 'appstore',
  adhoc: 'adhoc',
};

describe.skipIf(!HAS_CORPUS)('inspect over the real-world corpus', () => {
  const manifest = HAS_CORPUS ? readManifest() : [];
  const profiles = manifest.filter((row) => row.localName.startsWith('mobileprovision/'));
  const ipas = manifest.filter((row) => row.localName.startsWith('ipa/'));
  const rejects = manifest.filter((row) => row.localName.startsWith('other/'));
  const results = new Map<string, InspectedFile>();

  beforeAll(async () => {
    // One run over everything, as `provisio inspect corpus/` would: roots learned from newer
    // profiles verify the older ones that do not carry Apple Root CA.
    const rows = [...profiles, ...ipas, ...rejects];
    const inspected = await inspectFiles(rows.map((row) => corpusPath(row.localName)), TrustAnchors.withApplePin());
    rows.forEach((row, index) => results.set(row.localName, inspected[index]!));
  });

  it.each(profiles.map((row) => [row.localName, row] as const))('%s matches its decoded plist and the manifest', (_name, row) => {
    const profile = expectProfile(results.get(row.localName));
    const payload = parsePlist(readFileSync(corpusPath(row.localName) + '.plist.xml')) as PlistDict;

    expect(profile.name).toBe(payload.Name);
    expect(profile.uuid).toBe(payload.UUID);
    expect(profile.creationDate).toEqual(payload.CreationDate);
    expect(profile.expirationDate).toEqual(payload.ExpirationDate);
    expect(profile.teamName).toBe(payload.TeamName);
    expect(profile.devices).toEqual(payload.ProvisionedDevices ?? []);
    expect(profile.entitlements).toEqual(payload.Entitlements);
    expect(profile.certificates.map((c) => Buffer.from(c.der).toString('base64'))).toEqual(
      (payload.DeveloperCertificates as Uint8Array[]).map((der) => Buffer.from(der).toString('base64')),
    );

    expect(profile.teamId).toBe(fact(row, 'TeamIdentifier'));
    expect(profile.applicationIdentifier).toBe(fact(row, 'AppID'));
    expect(profile.type).toBe(CLASS_TO_TYPE[fact(row, 'CLASS')]);
    expect(profile.hasDerEncodedProfile).toBe(fact(row, 'DER-Encoded-Profile') === 'yes');
    expect(profile.platforms).toEqual(fact(row, 'Platform') === 'ABSENT' ? ['iOS'] : [fact(row, 'Platform')]);
    expect(profile.certificates).toHaveLength(Number(fact(row, 'DeveloperCertificates')));
    const expectedStatus = row.localName.includes('isign__test') ? 'untrusted' : 'valid';
    expect(profile.signature.status, profile.signature.reason ?? '').toBe(expectedStatus);
    expect(profile.signature.signer?.commonName).toBe(fact(row, 'CMS signer CN'));
  });

  it.each(ipas.map((row) => [row.localName, row] as const))('%s matches the manifest', (_name, row) => {
    const result = results.get(row.localName);
    if (result?.kind !== 'ipa') throw new Error(`expected an IPA, got ${JSON.stringify(result)}`);
    const { ipa } = result;
    expect(ipa.bundleId).toBe(fact(row, 'CFBundleIdentifier'));
    expect(ipa.shortVersion).toBe(fact(row, 'CFBundleShortVersionString'));
    expect(ipa.version).toBe(fact(row, 'CFBundleVersion'));
    expect(ipa.infoPlistFormat).toBe(fact(row, 'Info.plist binary') === 'YES' ? 'binary' : 'xml');
    const embedded = embeddedFacts(row);
    if (!embedded) {
      expect(ipa.profile).toBeNull();
      return;
    }
    expect(ipa.profile?.name).toBe(embedded.name);
    expect(ipa.profile?.uuid).toBe(embedded.uuid);
    expect(ipa.profile?.teamId).toBe(embedded.team);
    expect(ipa.profile?.expirationDate.toISOString().replace('.000', '')).toBe(embedded.expiry);
    expect(ipa.profile?.type).toBe(embedded.type);
    expect(ipa.effectiveExpiry!.getTime()).toBeLessThanOrEqual(ipa.profile!.expirationDate.getTime());
  });

  it.each([
    ['other/fastlane__gym__dummy.mobileprovision', 'profile.empty'],
    ['other/appaloosa__adhoc.mobileprovision', 'profile.unrecognized'],
    ['other/zentral__test.mobileconfig', 'profile.configuration_profile'],
    ['other/fastlane__not-an-ipa.ipa', 'zip.not_a_zip'],
    ['other/fastlane__no-app-bundle.ipa', 'ipa.no_app_bundle'],
  ])('%s is rejected with %s', (name, code) => {
    const result = results.get(name);
    expect(result?.kind).toBe('error');
    expect(result?.kind === 'error' && result.error.code).toBe(code);
  });

  it('covers every file in other/', () => {
    expect(rejects.map((row) => row.localName).sort()).toEqual([
      'other/appaloosa__adhoc.mobileprovision',
      'other/fastlane__gym__dummy.mobileprovision',
      'other/fastlane__no-app-bundle.ipa',
      'other/fastlane__not-an-ipa.ipa',
      'other/zentral__test.mobileconfig',
    ]);
  });
});

function expectProfile(result: InspectedFile | undefined): ProvisioningProfile {
  if (result?.kind !== 'profile') throw new Error(`expected a profile, got ${JSON.stringify(result)}`);
  return result.profile;
}

function fact(row: ManifestRow, key: string): string {
  const value = row.facts.get(key);
  if (value === undefined) throw new Error(`${row.localName}: manifest has no ${key}`);
  return value;
}

function embeddedFacts(row: ManifestRow) {
  const notes = [...row.facts.entries()].map(([key, value]) => `${key}=${value}`).join('; ');
  const match = /embedded: Name='([^']*)' UUID=(\S+) Team=(\S+) Exp=(\S+) class=(\S+)/.exec(notes);
  if (!match) return null;
  return { name: match[1], uuid: match[2], team: match[3], expiry: match[4], type: match[5] };
}
