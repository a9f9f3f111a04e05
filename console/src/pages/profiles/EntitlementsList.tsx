import { useI18n } from '../../i18n/i18n-context';

/** Entitlement values as plist-like text: strings bare, lists and flags as JSON. */
export function entitlementText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The entitlements a profile grants, e.g. application-identifier and aps-environment. */
export function EntitlementsList({ entitlements }: { readonly entitlements: Readonly<Record<string, unknown>> }) {
  const { m } = useI18n();
  const entries = Object.entries(entitlements).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">{m.profile.noEntitlements}</p>;
  return (
    <dl className="entitlements">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt className="mono">{key}</dt>
          <dd className="mono">{entitlementText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
