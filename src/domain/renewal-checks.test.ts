import { describe, expect, it } from 'vitest';
import { checkRenewal, selectTargets } from './renewal-checks.js';
import { diffProfiles } from './renewal-diff.js';
import type { RenewalProfileFacts, RenewalTarget, ReplacementFacts } from './renewal-facts.js';
import { buildRenewalPlan } from './renewal-plan.js';

const SIGNER = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

const current: RenewalProfileFacts = {
  uuid: 'OLD-UUID',
  name: 'Acme',
  type: 'enterprise',
  bundleId: 'com.acme.*',
  teamId: 'ACMETEAM01',
  expirationDate: new Date('2026-06-01T00:00:00Z'),
  certificates: [{ sha256: SIGNER, commonName: 'iPhone Distribution: Acme' }],
  entitlements: { 'get-task-allow': false, 'aps-environment': 'production' },
  provisionedDevices: [],
};

function replacement(overrides: Partial<ReplacementFacts> = {}): ReplacementFacts {
  return { ...current, uuid: 'NEW-UUID', expirationDate: new Date('2027-06-01T00:00:00Z'), signature: { status: 'valid', reason: null }, ...overrides };
}

function target(overrides: Partial<RenewalTarget> = {}): RenewalTarget {
  return {
    appId: 1,
    appName: 'Mail',
    ogId: 10,
    appVersionId: 100,
    shortVersion: '1.0',
    build: '1',
    bundleId: 'com.acme.mail',
    signingCertificateSha256: SIGNER,
    ...overrides,
  };
}

const codes = (next: ReplacementFacts, targets = [target()]) => checkRenewal(current, next, targets).map((violation) => violation.code);

describe('checkRenewal', () => {
  it('accepts a later profile of the same team carrying the signer and covering every bundle', () => {
    expect(codes(replacement(), [target(), target({ bundleId: 'com.acme.mail.share' })])).toEqual([]);
  });

  it.each([
    ['renewal.signature_invalid', { signature: { status: 'tampered', reason: 'edited' } }],
    ['renewal.type_mismatch', { type: 'appstore' }],
    ['renewal.same_profile', { uuid: 'old-uuid' }],
    ['renewal.team_mismatch', { teamId: 'OTHERTEAM9' }],
    ['renewal.not_later', { expirationDate: current.expirationDate }],
    ['renewal.bundle_id_mismatch', { bundleId: 'com.other.mail' }],
    ['renewal.missing_signing_certificate', { certificates: [{ sha256: OTHER, commonName: null }] }],
  ] as const)('refuses with %s', (code, overrides) => {
    expect(codes(replacement(overrides as Partial<ReplacementFacts>))).toEqual([code]);
  });

  it('accepts a replacement of the same non-enterprise type', () => {
    const adhoc = { ...current, type: 'adhoc' as const };
    expect(checkRenewal(adhoc, replacement({ type: 'adhoc' }), [target()])).toEqual([]);
  });

  it('names the bundle of each uncovered extension', () => {
    const violations = checkRenewal(current, replacement({ bundleId: 'com.acme.mail' }), [
      target(),
      target({ bundleId: 'com.acme.mail.widget' }),
    ]);
    expect(violations.map((violation) => [violation.code, violation.bundleId])).toEqual([['renewal.bundle_id_mismatch', 'com.acme.mail.widget']]);
  });
});

describe('selectTargets', () => {
  const shared = [target(), target({ appId: 2, appName: 'Chat', appVersionId: 200 })];

  it('applies to the only app without asking', () => {
    expect(selectTargets([target()], false)).toEqual({ targets: [target()] });
  });

  it('insists on applyToAllApps when apps share the profile', () => {
    expect(selectTargets(shared, false)).toMatchObject({ violation: { code: 'renewal.apps_not_chosen' } });
    expect(selectTargets(shared, true)).toEqual({ targets: shared });
  });
});

describe('diffProfiles and the plan', () => {
  const next = replacement({
    certificates: [{ sha256: SIGNER, commonName: 'iPhone Distribution: Acme' }, { sha256: OTHER, commonName: 'New' }],
    entitlements: { 'aps-environment': 'development', 'keychain-access-groups': ['X.*'] },
    provisionedDevices: ['udid-2'],
  });

  it('lists expiry, certificates, entitlements and devices that change', () => {
    const diff = diffProfiles({ ...current, provisionedDevices: ['udid-1'] }, next);
    expect(diff.expiry.gainedDays).toBe(365);
    expect(diff.certificatesAdded.map((certificate) => certificate.sha256)).toEqual([OTHER]);
    expect(diff.certificatesRemoved).toEqual([]);
    expect(diff.entitlementsChanged).toEqual([
      { key: 'aps-environment', change: 'changed', from: 'production', to: 'development' },
      { key: 'get-task-allow', change: 'removed', from: false },
      { key: 'keychain-access-groups', change: 'added', to: ['X.*'] },
    ]);
    expect(diff.devicesAdded).toEqual(['udid-2']);
    expect(diff.devicesRemoved).toEqual(['udid-1']);
  });

  it('groups bundles per app with device counts and OGs', () => {
    const targets = [target(), target({ bundleId: 'com.acme.mail.share' }), target({ appId: 2, appName: 'Chat', ogId: 11, appVersionId: 200 })];
    const plan = buildRenewalPlan(targets, new Map([[1, 5]]), 5, diffProfiles(current, next));
    expect(plan.apps).toEqual([
      { appId: 1, name: 'Mail', ogId: 10, appVersionIds: [100], bundleIds: ['com.acme.mail', 'com.acme.mail.share'], devices: 5 },
      { appId: 2, name: 'Chat', ogId: 11, appVersionIds: [200], bundleIds: ['com.acme.mail'], devices: 0 },
    ]);
    expect(plan.ogIds).toEqual([10, 11]);
  });
});
