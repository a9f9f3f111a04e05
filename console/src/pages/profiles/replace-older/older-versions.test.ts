import { describe, expect, it } from 'vitest';
import type { Profile, ProfileDetail, ProfileLineageEntry, ProfileStatus } from '../../../api/types';
import { olderVersionsToReplace, replaceableOnPage } from './older-versions';

let nextId = 1;

function profile(lineageVersion: number, status: ProfileStatus = 'active', overrides: Partial<Profile> = {}): Profile {
  const id = nextId++;
  return {
    id,
    ogId: 1,
    uuid: `uuid-${id}`,
    name: 'Werkbon',
    appIdName: 'Werkbon',
    applicationIdentifier: 'ACMETEAM01.com.acme.werkbon',
    bundleId: 'com.acme.werkbon',
    wildcard: false,
    teamId: 'ACMETEAM01',
    teamName: 'Acme',
    type: 'enterprise',
    platforms: ['iOS'],
    creationDate: '2026-01-01T00:00:00.000Z',
    expirationDate: '2027-01-01T00:00:00.000Z',
    daysLeft: 300,
    deviceCount: 0,
    signatureStatus: 'valid',
    status,
    supersededBy: null,
    lineageVersion,
    uploadedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function entry(version: Profile): ProfileLineageEntry {
  return { id: version.id, uuid: version.uuid, lineageVersion: version.lineageVersion, status: version.status, expirationDate: version.expirationDate };
}

function detail(shown: Profile, lineage: readonly Profile[]): ProfileDetail {
  return { ...shown, provisionedDevices: [], entitlements: {}, certificates: [], sharedBy: [], lineage: lineage.map(entry) };
}

describe('olderVersionsToReplace', () => {
  it('lists the older versions not replaced yet, expired ones included', () => {
    const first = profile(1, 'superseded');
    const second = profile(2, 'expired');
    const third = profile(3);
    const fourth = profile(4);
    expect(olderVersionsToReplace(detail(fourth, [first, second, third, fourth])).map((version) => version.lineageVersion)).toEqual([2, 3]);
    expect(olderVersionsToReplace(detail(third, [first, second, third, fourth])).map((version) => version.lineageVersion)).toEqual([2]);
  });

  it('offers nothing from a profile that was replaced or has expired, nor from a first version', () => {
    const first = profile(1);
    const replaced = profile(2, 'superseded');
    const expired = profile(2, 'expired');
    expect(olderVersionsToReplace(detail(replaced, [first, replaced]))).toEqual([]);
    expect(olderVersionsToReplace(detail(expired, [first, expired]))).toEqual([]);
    expect(olderVersionsToReplace(detail(first, [first]))).toEqual([]);
  });
});

describe('replaceableOnPage', () => {
  it('marks a current profile whose older version on the page is not replaced yet', () => {
    const older = profile(1);
    const newer = profile(2);
    expect([...replaceableOnPage([older, newer])]).toEqual([newer.id]);
  });

  it('does not mark a profile whose older versions were all replaced (an ordinary renewal)', () => {
    const renewed = profile(1, 'superseded');
    const current = profile(2);
    expect(replaceableOnPage([current, renewed]).size).toBe(0);
  });

  it('keeps lineages apart: another group, App ID or name is another profile', () => {
    const older = profile(1);
    const otherGroup = profile(2, 'active', { ogId: 2 });
    const otherAppId = profile(2, 'active', { applicationIdentifier: 'ACMETEAM01.com.acme.other' });
    const otherName = profile(2, 'active', { name: 'Werkbon 2027' });
    expect(replaceableOnPage([older, otherGroup, otherAppId, otherName]).size).toBe(0);
  });

  it('never offers it on an expired or replaced profile', () => {
    const older = profile(1);
    const expired = profile(2, 'expired');
    expect([...replaceableOnPage([older, expired, profile(3, 'superseded')])]).toEqual([]);
  });
});
