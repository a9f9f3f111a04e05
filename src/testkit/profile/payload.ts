import { randomUUID } from 'node:crypto';
import type { PlistDict, PlistValue } from '../../formats/plist/types.js';
import type { ProfileType } from '../../formats/profile/index.js';

const DAY_MS = 86_400_000;

/** What a test profile says; every field has a sensible default. */
export interface ProfileSpec {
  readonly type?: ProfileType;
  readonly name?: string;
  readonly uuid?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  /** The bundle id or wildcard pattern after the team prefix. */
  readonly bundleId?: string;
  readonly creationDate?: Date;
  readonly expirationDate?: Date;
  /** UDIDs for development and ad-hoc profiles (three generated ones by default). */
  readonly devices?: readonly string[];
  /** DER of each DeveloperCertificates entry. */
  readonly developerCertificates?: readonly Uint8Array[];
  /** Apple's Platform list; `null` leaves the key out, as pre-2015 profiles do. */
  readonly platforms?: readonly string[] | null;
  readonly extraEntitlements?: PlistDict;
}

/** The plist payload Apple would write for `spec`, with the keys in Apple's order. */
export function profilePayload(spec: ProfileSpec): PlistDict {
  const type = spec.type ?? 'enterprise';
  const teamId = spec.teamId ?? 'TESTTEAM01';
  const creationDate = spec.creationDate ?? new Date('2026-01-01T00:00:00Z');
  const expirationDate = spec.expirationDate ?? new Date(creationDate.getTime() + 365 * DAY_MS);
  const platforms = spec.platforms === undefined ? platformsFor(type) : spec.platforms;
  const entries: Array<[string, PlistValue | undefined]> = [
    ['AppIDName', spec.name ?? 'Test App'],
    ['ApplicationIdentifierPrefix', [teamId]],
    ['CreationDate', creationDate],
    ['Platform', platforms ? [...platforms] : undefined],
    ['IsXcodeManaged', false],
    ['DeveloperCertificates', [...(spec.developerCertificates ?? [])]],
    ['Entitlements', entitlements(type, teamId, spec)],
    ['ExpirationDate', expirationDate],
    ['Name', spec.name ?? `Test ${type} profile`],
    ['ProvisionedDevices', usesDeviceList(type) ? [...(spec.devices ?? defaultDevices())] : undefined],
    ['ProvisionsAllDevices', usesAllDevices(type) ? true : undefined],
    ['TeamIdentifier', [teamId]],
    ['TeamName', spec.teamName ?? 'Provisio Test Team'],
    ['TimeToLive', Math.round((expirationDate.getTime() - creationDate.getTime()) / DAY_MS)],
    ['UUID', spec.uuid ?? randomUUID()],
    ['Version', 1],
  ];
  const payload = Object.create(null) as PlistDict;
  for (const [key, value] of entries) if (value !== undefined) payload[key] = value;
  return payload;
}

function entitlements(type: ProfileType, teamId: string, spec: ProfileSpec): PlistDict {
  const isMac = type === 'developer-id';
  const result = Object.create(null) as PlistDict;
  result[isMac ? 'com.apple.application-identifier' : 'application-identifier'] = `${teamId}.${spec.bundleId ?? 'com.example.app'}`;
  result['keychain-access-groups'] = [`${teamId}.*`];
  if (!isMac) result['get-task-allow'] = type === 'development';
  result['com.apple.developer.team-identifier'] = teamId;
  if (type === 'enterprise' || type === 'appstore') result['aps-environment'] = 'production';
  if (type === 'development') result['aps-environment'] = 'development';
  return Object.assign(result, spec.extraEntitlements ?? {});
}

function platformsFor(type: ProfileType): string[] {
  return type === 'developer-id' ? ['OSX'] : ['iOS'];
}

function usesDeviceList(type: ProfileType): boolean {
  return type === 'development' || type === 'adhoc';
}

function usesAllDevices(type: ProfileType): boolean {
  return type === 'enterprise' || type === 'developer-id';
}

function defaultDevices(): string[] {
  return ['00008030-000A11112222801E', '00008101-001B33334444002E', '0123456789abcdef0123456789abcdef01234567'];
}
