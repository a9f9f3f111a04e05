import type { ReactNode } from 'react';
import type { CertificateRef, EntitlementChange, RenewalDiff } from '../../../api/lifecycle-types';
import { useI18n } from '../../../i18n/i18n-context';
import { entitlementText } from '../../profiles/EntitlementsList';

/** Old → new, in words: expiry, certificates, entitlements and devices; "unchanged" where nothing moved. */
export function RenewalDiffList({ diff }: { readonly diff: RenewalDiff }) {
  const { m, format } = useI18n();
  const rows: ReadonlyArray<readonly [string, ReactNode]> = [
    [m.renewal.diffExpiry, m.renewal.expiryChange(format.date(diff.expiry.from), format.date(diff.expiry.to), diff.expiry.gainedDays)],
    [m.profile.certificates, <CertificateChanges added={diff.certificatesAdded} removed={diff.certificatesRemoved} />],
    [m.profile.entitlements, <EntitlementChanges changes={diff.entitlementsChanged} />],
    [m.profile.devices, <DeviceChanges added={diff.devicesAdded} removed={diff.devicesRemoved} />],
  ];
  return (
    <dl className="diff-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CertificateChanges({ added, removed }: { readonly added: readonly CertificateRef[]; readonly removed: readonly CertificateRef[] }) {
  const { m } = useI18n();
  if (added.length === 0 && removed.length === 0) return <span className="muted">{m.renewal.unchanged}</span>;
  const name = (certificate: CertificateRef) => certificate.commonName ?? certificate.sha256.slice(0, 16);
  return (
    <ul className="plain-list">
      {added.map((certificate) => (
        <li key={`+${certificate.sha256}`}>{m.renewal.added(name(certificate))}</li>
      ))}
      {removed.map((certificate) => (
        <li key={`-${certificate.sha256}`}>{m.renewal.removed(name(certificate))}</li>
      ))}
    </ul>
  );
}

function EntitlementChanges({ changes }: { readonly changes: readonly EntitlementChange[] }) {
  const { m } = useI18n();
  if (changes.length === 0) return <span className="muted">{m.renewal.unchanged}</span>;
  return (
    <ul className="plain-list">
      {changes.map((change) => (
        <li key={change.key}>
          <span className="mono">{change.key}</span>: {m.renewal.entitlementChange[change.change]}
          {change.change === 'changed' && <span className="mono break"> ({entitlementText(change.from)} → {entitlementText(change.to)})</span>}
        </li>
      ))}
    </ul>
  );
}

function DeviceChanges({ added, removed }: { readonly added: readonly string[]; readonly removed: readonly string[] }) {
  const { m } = useI18n();
  if (added.length === 0 && removed.length === 0) return <span className="muted">{m.renewal.unchanged}</span>;
  return (
    <details className="udids">
      <summary>{m.renewal.deviceChange(added.length, removed.length)}</summary>
      <ul className="mono">
        {added.map((udid) => (
          <li key={`+${udid}`}>+ {udid}</li>
        ))}
        {removed.map((udid) => (
          <li key={`-${udid}`}>− {udid}</li>
        ))}
      </ul>
    </details>
  );
}
