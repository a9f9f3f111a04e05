import { describe, expect, it } from 'vitest';
import { buildProfile, tamperProfile } from '../../testkit/profile/index.js';
import { issueCertificate, signCms, testPki } from '../../testkit/pki/index.js';
import { TrustAnchors } from '../cms/index.js';
import { FormatError } from '../errors.js';
import { writeXmlPlist } from '../plist/index.js';
import type { PlistDict } from '../plist/types.js';
import { parseProfile } from './parse.js';
import type { ProfileType } from './types.js';

const trust = () => testPki().trustAnchors();
const UUID = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('parseProfile', () => {
  it('reads every field of a signed enterprise profile', () => {
    const profile = parseProfile(
      buildProfile({
        uuid: UUID,
        name: 'Acme Field Service',
        teamId: 'ACME123456',
        teamName: 'Acme Corp',
        bundleId: 'com.acme.field',
        creationDate: new Date('2026-03-01T10:00:00Z'),
        expirationDate: new Date('2027-03-01T10:00:00Z'),
      }),
      { trust: trust() },
    );
    expect(profile).toMatchObject({
      name: 'Acme Field Service',
      uuid: UUID,
      teamId: 'ACME123456',
      teamName: 'Acme Corp',
      applicationIdentifier: 'ACME123456.com.acme.field',
      bundleId: 'com.acme.field',
      isWildcard: false,
      platforms: ['iOS'],
      type: 'enterprise',
      provisionsAllDevices: true,
      devices: [],
      getTaskAllow: false,
      timeToLive: 365,
      version: 1,
      isXcodeManaged: false,
      hasDerEncodedProfile: false,
    });
    expect(profile.creationDate.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(profile.expirationDate.toISOString()).toBe('2027-03-01T10:00:00.000Z');
    expect(profile.signature.status).toBe('valid');
    expect(profile.signature.signer?.commonName).toBe('Provisio Test Provisioning Profile Signing');
    expect(profile.certificates).toHaveLength(1);
    expect(profile.certificates[0]).toMatchObject({ teamId: 'ACME123456', commonName: 'iPhone Distribution: Provisio Test Team' });
    expect(profile.entitlements['aps-environment']).toBe('production');
  });

  it.each<ProfileType>(['enterprise', 'development', 'adhoc', 'appstore', 'developer-id'])('classifies a generated %s profile', (type) => {
    const profile = parseProfile(buildProfile({ type }), { trust: trust() });
    expect(profile.type).toBe(type);
    expect(profile.devices.length > 0).toBe(type === 'development' || type === 'adhoc');
  });

  it('reads wildcard App IDs', () => {
    const profile = parseProfile(buildProfile({ type: 'development', bundleId: '*' }), { trust: trust() });
    expect(profile).toMatchObject({ bundleId: '*', isWildcard: true });
  });

  it('treats a missing Platform key as iOS', () => {
    expect(parseProfile(buildProfile({ platforms: null }), { trust: trust() }).platforms).toEqual(['iOS']);
  });

  it.each(['ber', 'der'] as const)('verifies %s encoded profiles with sha1 and sha256', (encoding) => {
    for (const digest of ['sha1', 'sha256'] as const) {
      expect(parseProfile(buildProfile({ encoding, digest }), { trust: trust() }).signature.status).toBe('valid');
    }
  });

  it('reports a profile edited after signing as tampered', () => {
    const tampered = tamperProfile(buildProfile({ uuid: UUID }), UUID);
    const profile = parseProfile(tampered, { trust: trust() });
    expect(profile.signature.status).toBe('tampered');
    expect(profile.uuid).not.toBe(UUID);
  });

  it('reports a profile signed outside the trusted hierarchy as untrusted', () => {
    expect(parseProfile(buildProfile(), { trust: TrustAnchors.withApplePin() }).signature.status).toBe('untrusted');
  });

  it('verifies as of the creation date, when the signing certificate was valid', () => {
    const pki = testPki();
    const shortLived = issueCertificate({
      subject: { commonName: 'Short-lived profile signer' },
      issuer: pki.intermediate,
      notBefore: new Date('2019-01-01T00:00:00Z'),
      notAfter: new Date('2020-01-01T00:00:00Z'),
    });
    const signer = { certificate: shortLived.der, privateKey: shortLived.privateKey, chain: [pki.intermediate.der] };
    const made = (creationDate: Date) => parseProfile(buildProfile({ signer, creationDate }), { trust: trust() });
    expect(made(new Date('2019-06-01T00:00:00Z')).signature.status).toBe('valid');
    expect(made(new Date('2021-06-01T00:00:00Z')).signature.status).toBe('untrusted');
  });

  it('accepts a bare plist as unsigned', () => {
    const profile = parseProfile(buildProfile({ signed: false, uuid: UUID }), { trust: trust() });
    expect(profile.uuid).toBe(UUID);
    expect(profile.signature.status).toBe('unsigned');
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'profile.empty'],
    ['random bytes', new Uint8Array([0x01, 0x3c, 0x3f]), 'profile.unrecognized'],
    ['a configuration profile', plist({ PayloadType: 'Configuration', PayloadContent: [] }), 'profile.configuration_profile'],
    ['a plist that is not a dict', new TextEncoder().encode(writeXmlPlist(['x'])), 'profile.not_a_profile'],
    ['a profile without UUID', withoutKey('UUID'), 'profile.missing_field'],
    ['a profile without entitlements', withoutKey('Entitlements'), 'profile.missing_field'],
    ['a profile with a numeric Name', plist({ ...basePayload(), Name: 5 }), 'profile.invalid_field'],
  ])('rejects %s with %s', (_label, bytes, code) => {
    expect(() => parseProfile(bytes, { trust: trust() })).toThrow(expect.objectContaining({ code }));
  });

  it('rejects signed content that is not a plist', () => {
    const pki = testPki();
    const bytes = signCms(new TextEncoder().encode('hello'), {
      signer: { certificate: pki.profileSigner.der, privateKey: pki.profileSigner.privateKey },
      chain: [],
      digest: 'sha1',
      encoding: 'ber',
    });
    expect(() => parseProfile(bytes, { trust: trust() })).toThrow(FormatError);
    expect(codeOf(() => parseProfile(bytes, { trust: trust() }))).toMatch(/^plist\./);
  });
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof FormatError ? error.code : undefined;
  }
  return undefined;
}

function basePayload(): PlistDict {
  return {
    Name: 'x',
    UUID: UUID,
    CreationDate: new Date('2026-01-01T00:00:00Z'),
    ExpirationDate: new Date('2027-01-01T00:00:00Z'),
    Entitlements: { 'application-identifier': 'TEAM.com.x' },
  };
}

function withoutKey(key: string): Uint8Array {
  const payload = basePayload();
  delete payload[key];
  return plist(payload);
}

function plist(value: PlistDict): Uint8Array {
  return new TextEncoder().encode(writeXmlPlist(value));
}

describe('parseProfile on Node Buffers', () => {
  it('leaves the input bytes untouched, so the same buffer parses again', () => {
    const bytes = Buffer.from(buildProfile());
    const before = Buffer.from(bytes);
    for (let i = 0; i < 3; i++) expect(parseProfile(bytes, { trust: trust() }).signature.status).toBe('valid');
    expect(bytes.equals(before)).toBe(true);
  });
});
