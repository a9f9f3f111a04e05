import { describe, expect, it } from 'vitest';
import { developerSigner, buildIpa } from '../../testkit/ipa/index.js';
import { testPki } from '../../testkit/pki/index.js';
import { buildProfile } from '../../testkit/profile/index.js';
import { summarizeCertificate } from '../x509/index.js';
import { memorySource } from '../zip/index.js';
import type { PlistDict } from '../plist/index.js';
import { inspectIpa } from './inspect.js';

const dict = (fields: PlistDict): PlistDict => Object.assign(Object.create(null) as PlistDict, fields);

const TEAM = 'ABCDE12345';
const trust = () => testPki().trustAnchors();
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const signer = developerSigner(TEAM, { notBefore: date('2025-01-01'), notAfter: date('2028-01-01') });
const inspect = async (bytes: Uint8Array) => inspectIpa(memorySource(bytes), { trust: trust() });

function enterpriseProfile(bundleId: string, expirationDate: Date): Uint8Array {
  return buildProfile({
    type: 'enterprise',
    teamId: TEAM,
    bundleId,
    creationDate: date('2026-01-01'),
    expirationDate,
    developerCertificates: [signer.certificate],
  });
}

describe('inspectIpa', () => {
  it('reads an Xcode-style IPA: binary Info.plist, embedded profile, signed executable', async () => {
    const ipa = await buildIpa({
      bundleId: 'com.example.field',
      shortVersion: '2.4.1',
      version: '241',
      displayName: 'Field Service',
      minimumOsVersion: '16.0',
      profile: enterpriseProfile('com.example.field', date('2027-01-01')),
      signer,
    });
    const result = await inspect(ipa);
    expect(result).toMatchObject({
      bundleId: 'com.example.field',
      shortVersion: '2.4.1',
      version: '241',
      displayName: 'Field Service',
      minimumOsVersion: '16.0',
      infoPlistFormat: 'binary',
      appPath: 'Payload/field.app',
      extensions: [],
      effectiveExpiry: date('2027-01-01'),
    });
    expect(result.profile).toMatchObject({ bundleId: 'com.example.field', type: 'enterprise', teamId: TEAM });
    expect(result.profile?.signature.status).toBe('valid');
    expect(result.signingCertificate).toEqual(summarizeCertificate(signer.certificate));
    expect(result.signingCertificate?.teamId).toBe(TEAM);
  });

  it('reads an XML Info.plist and falls back to CFBundleName for the display name', async () => {
    const result = await inspect(await buildIpa({ bundleId: 'com.example.xml', infoPlistFormat: 'xml', appName: 'XmlApp' }));
    expect(result).toMatchObject({ infoPlistFormat: 'xml', displayName: 'XmlApp', appPath: 'Payload/XmlApp.app' });
  });

  it('reports absent optional keys, profile and signer as null', async () => {
    const result = await inspect(
      await buildIpa({
        bundleId: 'com.example.bare',
        shortVersion: null,
        version: null,
        infoPlistExtras: dict({ CFBundleName: 'Bare' }),
      }),
    );
    expect(result).toMatchObject({ shortVersion: null, version: null, profile: null, signingCertificate: null });
    expect(result.effectiveExpiry).toBeNull();
  });

  it('finds Payload nested under one top-level folder, past .DS_Store and __MACOSX entries', async () => {
    const ipa = await buildIpa({ bundleId: 'com.example.nested', nestedUnder: 'MyApp 1.0', macosJunk: true, signer });
    const result = await inspect(ipa);
    expect(result.appPath).toBe('MyApp 1.0/Payload/nested.app');
    expect(result.signingCertificate?.teamId).toBe(TEAM);
  });

  it('reads the signer of a fat executable and of a stored (uncompressed) one', async () => {
    const fat = await inspect(await buildIpa({ bundleId: 'com.example.fat', fatExecutable: true, signer }));
    expect(fat.signingCertificate?.sha256).toBe(summarizeCertificate(signer.certificate).sha256);
    const stored = await inspect(await buildIpa({ bundleId: 'com.example.stored', method: 'stored', signer }));
    expect(stored.signingCertificate?.sha256).toBe(summarizeCertificate(signer.certificate).sha256);
  });

  it('inspects each extension with its own profile and signer', async () => {
    const validity = { notBefore: date('2025-01-01'), notAfter: date('2029-01-01') };
    const widgetSigner = developerSigner('WIDGET0001', validity, 'Widget Team');
    const result = await inspect(
      await buildIpa({
        bundleId: 'com.example.host',
        profile: enterpriseProfile('com.example.host', date('2027-01-01')),
        signer,
        extensions: [
          {
            name: 'Widget',
            bundleId: 'com.example.host.widget',
            shortVersion: '2.0',
            version: '7',
            profile: enterpriseProfile('com.example.host.widget', date('2026-09-01')),
            signer: widgetSigner,
          },
          { name: 'Share', bundleId: 'com.example.host.share' },
        ],
      }),
    );
    expect(result.extensions).toHaveLength(2);
    const [share, widget] = result.extensions;
    expect(share).toMatchObject({
      bundleId: 'com.example.host.share',
      path: 'Payload/host.app/PlugIns/Share.appex',
      profile: null,
      signingCertificate: null,
    });
    expect(widget).toMatchObject({
      bundleId: 'com.example.host.widget',
      path: 'Payload/host.app/PlugIns/Widget.appex',
      shortVersion: '2.0',
      version: '7',
    });
    expect(widget?.profile?.bundleId).toBe('com.example.host.widget');
    expect(widget?.signingCertificate?.teamId).toBe('WIDGET0001');
    expect(result.effectiveExpiry).toEqual(date('2026-09-01'));
  });
});

describe('effectiveExpiry', () => {
  const shortSigner = developerSigner(TEAM, { notBefore: date('2025-01-01'), notAfter: date('2026-03-01') });

  it("is the app's signing certificate when it expires before every profile", async () => {
    const result = await inspect(
      await buildIpa({
        bundleId: 'com.example.a',
        profile: enterpriseProfile('com.example.a', date('2027-01-01')),
        signer: shortSigner,
      }),
    );
    expect(result.effectiveExpiry).toEqual(date('2026-03-01'));
  });

  it("is the app's profile when it expires first", async () => {
    const result = await inspect(
      await buildIpa({ bundleId: 'com.example.b', profile: enterpriseProfile('com.example.b', date('2026-02-01')), signer }),
    );
    expect(result.effectiveExpiry).toEqual(date('2026-02-01'));
  });

  it("is an extension's signing certificate when that comes first", async () => {
    const result = await inspect(
      await buildIpa({
        bundleId: 'com.example.c',
        profile: enterpriseProfile('com.example.c', date('2027-01-01')),
        signer,
        extensions: [{ name: 'Ext', bundleId: 'com.example.c.ext', signer: shortSigner }],
      }),
    );
    expect(result.effectiveExpiry).toEqual(date('2026-03-01'));
  });
});
