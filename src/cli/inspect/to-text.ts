import type { IpaInspection } from '../../formats/ipa/index.js';
import type { ProfileType, ProvisioningProfile } from '../../formats/profile/index.js';
import type { CertificateSummary } from '../../formats/x509/index.js';
import type { InspectedFile } from '../../services/inspect.service.js';
import { describeExpiry } from './relative-time.js';

const TYPE_LABELS: Record<ProfileType, string> = {
  enterprise: 'enterprise (in-house)',
  'developer-id': 'Developer ID (macOS)',
  development: 'development',
  adhoc: 'ad hoc',
  appstore: 'App Store',
};

type Row = readonly [label: string, value: string];

/** One human-readable block for an inspected file. */
export function inspectedFileToText(result: InspectedFile, now: Date): string {
  switch (result.kind) {
    case 'profile':
      return block(result.path, profileRows(result.profile, now, ''));
    case 'ipa':
      return block(result.path, ipaRows(result.ipa, now));
    case 'error':
      return block(result.path, [['Error', `${result.error.message} [${result.error.code}]`]]);
  }
}

function profileRows(profile: ProvisioningProfile, now: Date, indent: string): Row[] {
  const rows: Row[] = [
    ['Profile', `${profile.name} (${profile.uuid})`],
    ['Type', TYPE_LABELS[profile.type]],
    ['App ID', profile.applicationIdentifier + (profile.isWildcard ? ' (wildcard)' : '')],
    ['Team', profile.teamName ? `${profile.teamName} (${profile.teamId ?? '?'})` : (profile.teamId ?? 'unknown')],
    ['Platforms', profile.platforms.join(', ')],
    ['Expires', `${day(profile.expirationDate)} (${describeExpiry(profile.expirationDate, now)})`],
    ['Signature', signatureText(profile)],
    ['Devices', profile.provisionsAllDevices ? 'all devices' : `${profile.devices.length} listed`],
    ...profile.certificates.map((certificate, index): Row => [index === 0 ? 'Certificates' : '', certificateText(certificate, now)]),
  ];
  return rows.map(([label, value]) => [indent + label, value]);
}

function ipaRows(ipa: IpaInspection, now: Date): Row[] {
  const rows: Row[] = [
    ['App', `${ipa.displayName ?? ipa.bundleId} ${ipa.shortVersion ?? '?'} (${ipa.version ?? '?'})`],
    ['Bundle ID', ipa.bundleId],
    ['Info.plist', ipa.infoPlistFormat],
    ['Signed by', ipa.signingCertificate ? certificateText(ipa.signingCertificate, now) : 'not signed'],
    ['App dies', ipa.effectiveExpiry ? `${day(ipa.effectiveExpiry)} (${describeExpiry(ipa.effectiveExpiry, now)})` : 'unknown'],
  ];
  if (ipa.profile) rows.push(...profileRows(ipa.profile, now, '  '));
  else rows.push(['Profile', 'none embedded']);
  for (const extension of ipa.extensions) {
    rows.push(['Extension', extension.bundleId]);
    if (extension.profile) rows.push(...profileRows(extension.profile, now, '  '));
  }
  return rows;
}

function signatureText(profile: ProvisioningProfile): string {
  const { status, signer, reason } = profile.signature;
  const by = signer?.commonName ? ` (signed by ${signer.commonName})` : '';
  return status === 'valid' ? `valid${by}` : `${status}${by}${reason ? ': ' + reason : ''}`;
}

function certificateText(certificate: CertificateSummary, now: Date): string {
  const name = certificate.commonName ?? certificate.sha1;
  return `${name}, ${describeExpiry(certificate.notAfter, now)} (${day(certificate.notAfter)})`;
}

function block(title: string, rows: readonly Row[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return [title, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)].join('\n');
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
