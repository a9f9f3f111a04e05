import { isDeepStrictEqual } from 'node:util';
import type { RenewalCertificate, RenewalProfileFacts } from './renewal-facts.js';

/** One entitlement that differs: absent on one side means added or removed. */
export interface EntitlementChange {
  readonly key: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly from?: unknown;
  readonly to?: unknown;
}

/** What changes for devices when P is replaced. */
export interface RenewalDiff {
  readonly expiry: { readonly from: Date; readonly to: Date; readonly gainedDays: number };
  readonly certificatesAdded: readonly RenewalCertificate[];
  readonly certificatesRemoved: readonly RenewalCertificate[];
  readonly entitlementsChanged: readonly EntitlementChange[];
  readonly devicesAdded: readonly string[];
  readonly devicesRemoved: readonly string[];
}

const DAY_MS = 86_400_000;

/** The differences between the profile in use and its replacement, each list sorted. */
export function diffProfiles(current: RenewalProfileFacts, replacement: RenewalProfileFacts): RenewalDiff {
  const from = current.expirationDate;
  const to = replacement.expirationDate;
  return {
    expiry: { from, to, gainedDays: Math.floor((to.getTime() - from.getTime()) / DAY_MS) },
    certificatesAdded: certificatesMissingFrom(replacement.certificates, current.certificates),
    certificatesRemoved: certificatesMissingFrom(current.certificates, replacement.certificates),
    entitlementsChanged: entitlementChanges(current.entitlements, replacement.entitlements),
    devicesAdded: missingFrom(replacement.provisionedDevices, current.provisionedDevices),
    devicesRemoved: missingFrom(current.provisionedDevices, replacement.provisionedDevices),
  };
}

function certificatesMissingFrom(
  these: readonly RenewalCertificate[],
  others: readonly RenewalCertificate[],
): RenewalCertificate[] {
  const known = new Set(others.map((certificate) => certificate.sha256.toLowerCase()));
  return these.filter((certificate) => !known.has(certificate.sha256.toLowerCase())).sort((a, b) => a.sha256.localeCompare(b.sha256));
}

function missingFrom(these: readonly string[], others: readonly string[]): string[] {
  const known = new Set(others);
  return these.filter((item) => !known.has(item)).sort();
}

function entitlementChanges(from: Readonly<Record<string, unknown>>, to: Readonly<Record<string, unknown>>): EntitlementChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return keys.flatMap((key): EntitlementChange[] => {
    const inFrom = Object.hasOwn(from, key);
    const inTo = Object.hasOwn(to, key);
    if (!inFrom) return [{ key, change: 'added', to: to[key] }];
    if (!inTo) return [{ key, change: 'removed', from: from[key] }];
    return isDeepStrictEqual(from[key], to[key]) ? [] : [{ key, change: 'changed', from: from[key], to: to[key] }];
  });
}
