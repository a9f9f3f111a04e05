import { describe, expect, it } from 'vitest';
import type { BundleFacts, IpaFacts, ProfileFacts, SignerFacts, UploadPolicy } from './upload-rules.js';
import { checkAppUpload, checkProfileUpload } from './upload-rules.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const TEAM = 'ABCDE12345';
const policy: UploadPolicy = { limitedDevices: false, allowUntrustedProfiles: false, now: NOW };

function signer(overrides: Partial<SignerFacts> = {}): SignerFacts {
  const notAfter = new Date('2028-01-01Z');
  return { sha256: 'aa'.repeat(32), commonName: 'iPhone Distribution: Acme', teamId: TEAM, notAfter, ...overrides };
}

function profile(overrides: Partial<ProfileFacts> = {}): ProfileFacts {
  return {
    uuid: 'uuid-app',
    name: 'Acme In House',
    type: 'enterprise',
    bundleId: 'com.acme.app',
    teamId: TEAM,
    expirationDate: new Date('2027-01-01Z'),
    certificates: [{ sha256: signer().sha256 }],
    signature: { status: 'valid', reason: null },
    ...overrides,
  };
}

function ipa(overrides: Partial<IpaFacts> = {}): IpaFacts {
  return { bundleId: 'com.acme.app', profile: profile(), signingCertificate: signer(), extensions: [], ...overrides };
}

function widget(overrides: Partial<BundleFacts> = {}): BundleFacts {
  const own = profile({ uuid: 'uuid-widget', name: 'Acme Widget', bundleId: 'com.acme.app.widget' });
  return { bundleId: 'com.acme.app.widget', profile: own, signingCertificate: signer(), ...overrides };
}

const codes = (violations: readonly { code: string }[]) => violations.map((violation) => violation.code);

describe('checkAppUpload', () => {
  it('accepts an enterprise app whose embedded profile fits, and one with a fitting extension', () => {
    expect(checkAppUpload(ipa(), null, policy)).toEqual([]);
    expect(checkAppUpload(ipa({ extensions: [widget()] }), null, policy)).toEqual([]);
  });

  it('refuses an app without any profile (ipa.no_profile), and accepts it with an uploaded one', () => {
    const bare = ipa({ profile: null });
    expect(checkAppUpload(bare, null, policy)).toEqual([
      { code: 'ipa.no_profile', message: expect.stringContaining('com.acme.app') as string, bundleId: 'com.acme.app' },
    ]);
    expect(checkAppUpload(bare, profile(), policy)).toEqual([]);
  });

  it('judges the uploaded profile instead of the embedded one', () => {
    const stale = ipa({ profile: profile({ expirationDate: new Date('2026-01-01Z') }) });
    expect(codes(checkAppUpload(stale, null, policy))).toEqual(['profile.expired']);
    expect(checkAppUpload(stale, profile({ uuid: 'uuid-renewed' }), policy)).toEqual([]);
  });

  describe('profile.not_enterprise', () => {
    it.each(['appstore', 'developer-id'] as const)('refuses a %s profile even for limited devices', (type) => {
      const violations = checkAppUpload(ipa({ profile: profile({ type }) }), null, { ...policy, limitedDevices: true });
      expect(codes(violations)).toEqual(['profile.not_enterprise']);
      expect(violations[0]?.message).toContain('"Acme In House" (uuid-app)');
    });

    it.each(['development', 'adhoc'] as const)('accepts a %s profile only with limitedDevices', (type) => {
      const limited = ipa({ profile: profile({ type }) });
      expect(codes(checkAppUpload(limited, null, policy))).toEqual(['profile.not_enterprise']);
      expect(checkAppUpload(limited, null, { ...policy, limitedDevices: true })).toEqual([]);
    });

    it('applies to an extension profile too', () => {
      const upload = ipa({ extensions: [widget({ profile: profile({ uuid: 'w', bundleId: 'com.acme.app.widget', type: 'appstore' }) })] });
      expect(codes(checkAppUpload(upload, null, policy))).toEqual(['profile.not_enterprise']);
    });
  });

  describe('profile.signature_invalid', () => {
    it.each(['tampered', 'unsigned'] as const)('refuses a %s signature, whatever the setting', (status) => {
      const upload = ipa({ profile: profile({ signature: { status, reason: 'the content was changed' } }) });
      for (const allowUntrustedProfiles of [false, true]) {
        const violations = checkAppUpload(upload, null, { ...policy, allowUntrustedProfiles });
        expect(codes(violations)).toEqual(['profile.signature_invalid']);
        expect(violations[0]?.message).toContain(`${status} signature: the content was changed`);
      }
    });

    it('accepts an untrusted signature only when the server allows it', () => {
      const upload = ipa({ profile: profile({ signature: { status: 'untrusted', reason: 'no trusted root' } }) });
      expect(codes(checkAppUpload(upload, null, policy))).toEqual(['profile.signature_invalid']);
      expect(checkAppUpload(upload, null, { ...policy, allowUntrustedProfiles: true })).toEqual([]);
    });
  });

  describe('profile.expired', () => {
    it('refuses a profile whose expiry has come, to the millisecond', () => {
      expect(codes(checkAppUpload(ipa({ profile: profile({ expirationDate: NOW }) }), null, policy))).toEqual(['profile.expired']);
      const later = new Date(NOW.getTime() + 1);
      expect(checkAppUpload(ipa({ profile: profile({ expirationDate: later }) }), null, policy)).toEqual([]);
    });
  });

  describe('profile.bundle_id_mismatch', () => {
    it('refuses a profile for another app', () => {
      const violations = checkAppUpload(ipa({ profile: profile({ bundleId: 'com.acme.other' }) }), null, policy);
      expect(violations).toEqual([
        { code: 'profile.bundle_id_mismatch', message: expect.stringContaining('com.acme.other') as string, bundleId: 'com.acme.app' },
      ]);
    });

    it('accepts a wildcard App ID that covers the bundle id, not one that merely shares a prefix', () => {
      const limited = { ...policy, limitedDevices: true };
      const wildcard = (bundleId: string) => ipa({ profile: profile({ type: 'development', bundleId }) });
      expect(checkAppUpload(wildcard('com.acme.*'), null, limited)).toEqual([]);
      expect(checkAppUpload(wildcard('*'), null, limited)).toEqual([]);
      expect(codes(checkAppUpload(wildcard('com.ac*'), null, limited))).toEqual(['profile.bundle_id_mismatch']);
    });

    it('checks every extension against its own profile', () => {
      const stray = widget({ profile: profile({ uuid: 'w', bundleId: 'com.acme.other.widget' }) });
      expect(checkAppUpload(ipa({ extensions: [stray] }), null, policy)).toEqual([
        expect.objectContaining({ code: 'profile.bundle_id_mismatch', bundleId: 'com.acme.app.widget' }),
      ]);
    });

    it("puts an extension without a profile under the app's, which must then cover it", () => {
      const orphan = widget({ profile: null });
      expect(checkAppUpload(ipa({ extensions: [orphan] }), null, policy)).toEqual([
        expect.objectContaining({ code: 'profile.bundle_id_mismatch', bundleId: 'com.acme.app.widget' }),
      ]);
      const limited = { ...policy, limitedDevices: true };
      const wildcardApp = ipa({ profile: profile({ type: 'development', bundleId: 'com.acme.*' }), extensions: [orphan] });
      expect(checkAppUpload(wildcardApp, null, limited)).toEqual([]);
    });
  });

  describe('profile.team_mismatch and profile.no_team', () => {
    it("refuses a profile of another team than the app's signer", () => {
      const violations = checkAppUpload(ipa(), profile({ teamId: 'ZZZZZ99999' }), policy);
      expect(codes(violations)).toEqual(['profile.team_mismatch']);
      expect(violations[0]?.message).toMatch(/profile is ZZZZZ99999.*signing certificate is ABCDE12345/);
    });

    it('refuses an extension of another team than the app', () => {
      const foreign = widget({
        profile: profile({ uuid: 'w', bundleId: 'com.acme.app.widget', teamId: 'OTHER00000', certificates: [{ sha256: 'bb'.repeat(32) }] }),
        signingCertificate: signer({ sha256: 'bb'.repeat(32), teamId: 'OTHER00000' }),
      });
      expect(checkAppUpload(ipa({ extensions: [foreign] }), null, policy)).toEqual([
        expect.objectContaining({ code: 'profile.team_mismatch', bundleId: 'com.acme.app.widget' }),
      ]);
    });

    it('refuses a profile that names no team', () => {
      expect(codes(checkAppUpload(ipa({ profile: profile({ teamId: null }) }), null, policy))).toEqual(['profile.no_team']);
    });
  });

  describe('profile.missing_signing_certificate', () => {
    it('refuses a profile without the certificate that signed the executable', () => {
      const violations = checkAppUpload(ipa({ profile: profile({ certificates: [{ sha256: 'cc'.repeat(32) }] }) }), null, policy);
      expect(codes(violations)).toEqual(['profile.missing_signing_certificate']);
      expect(violations[0]?.message).toContain('aa'.repeat(32));
    });

    it('compares fingerprints in any case', () => {
      const upper = ipa({ profile: profile({ certificates: [{ sha256: 'AA'.repeat(32) }] }) });
      expect(checkAppUpload(upper, null, policy)).toEqual([]);
    });

    it("checks each extension's signer against its own profile", () => {
      const resigned = widget({ signingCertificate: signer({ sha256: 'dd'.repeat(32) }) });
      expect(checkAppUpload(ipa({ extensions: [resigned] }), null, policy)).toEqual([
        expect.objectContaining({ code: 'profile.missing_signing_certificate', bundleId: 'com.acme.app.widget' }),
      ]);
    });
  });

  describe('ipa.unsigned and ipa.signing_certificate_expired', () => {
    it('refuses an executable without a signing certificate', () => {
      expect(checkAppUpload(ipa({ signingCertificate: null }), null, policy)).toEqual([
        expect.objectContaining({ code: 'ipa.unsigned', bundleId: 'com.acme.app' }),
      ]);
    });

    it('refuses an executable whose signing certificate has expired', () => {
      const expired = signer({ notAfter: new Date('2026-05-31Z') });
      expect(codes(checkAppUpload(ipa({ signingCertificate: expired }), null, policy))).toEqual(['ipa.signing_certificate_expired']);
    });
  });

  it('reports every problem at once, each profile once', () => {
    const broken = profile({ type: 'appstore', expirationDate: new Date('2020-01-01Z'), bundleId: 'com.other' });
    const upload = ipa({ profile: broken, extensions: [widget({ profile: null })] });
    expect(codes(checkAppUpload(upload, null, policy))).toEqual([
      'profile.not_enterprise',
      'profile.expired',
      'profile.bundle_id_mismatch',
      'profile.bundle_id_mismatch',
    ]);
  });
});

describe('checkProfileUpload', () => {
  const bare = { allowUntrustedProfiles: false, now: NOW };

  it('accepts enterprise, development and ad-hoc profiles; refuses App Store and Developer ID ones', () => {
    for (const type of ['enterprise', 'development', 'adhoc'] as const) expect(checkProfileUpload(profile({ type }), bare)).toEqual([]);
    for (const type of ['appstore', 'developer-id'] as const) {
      expect(codes(checkProfileUpload(profile({ type }), bare))).toEqual(['profile.not_enterprise']);
    }
  });

  it('refuses bad signatures, expired profiles and profiles without a team', () => {
    const untrusted = profile({ signature: { status: 'untrusted', reason: null } });
    expect(codes(checkProfileUpload(untrusted, bare))).toEqual(['profile.signature_invalid']);
    expect(checkProfileUpload(untrusted, { ...bare, allowUntrustedProfiles: true })).toEqual([]);
    expect(codes(checkProfileUpload(profile({ expirationDate: new Date('2026-01-01Z') }), bare))).toEqual(['profile.expired']);
    expect(codes(checkProfileUpload(profile({ teamId: null }), bare))).toEqual(['profile.no_team']);
  });
});
