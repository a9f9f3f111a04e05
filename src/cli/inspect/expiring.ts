import { expiresWithin } from '../../domain/expiry.js';
import type { ProvisioningProfile } from '../../formats/profile/index.js';
import type { InspectedFile } from '../../services/inspect.service.js';

/** What in an inspected file dies by a date: profiles, their certificates, and the app itself. */
export function expiringItems(result: InspectedFile, now: Date, days: number): string[] {
  const items: Array<readonly [string, Date]> = [];
  if (result.kind === 'profile') items.push(...profileDates(result.profile));
  if (result.kind === 'ipa') {
    if (result.ipa.effectiveExpiry) items.push([`app ${result.ipa.bundleId}`, result.ipa.effectiveExpiry]);
    for (const profile of [result.ipa.profile, ...result.ipa.extensions.map((extension) => extension.profile)]) {
      if (profile) items.push(...profileDates(profile));
    }
  }
  return items.filter(([, date]) => expiresWithin(date, now, days)).map(([label, date]) => `${label} (${date.toISOString()})`);
}

function profileDates(profile: ProvisioningProfile): Array<readonly [string, Date]> {
  return [
    [`profile ${profile.name}`, profile.expirationDate],
    ...profile.certificates.map((certificate) => [`certificate ${certificate.commonName ?? certificate.sha1}`, certificate.notAfter] as const),
  ];
}
