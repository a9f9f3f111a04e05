import { useId } from 'react';
import type { LineageReplacement, ReplacedVersion } from '../../../api/cleanup-types';
import { useI18n } from '../../../i18n/i18n-context';
import { PlannedAppsTable } from '../../app-detail/renewal/PlannedAppsTable';
import { RenewalDiffList } from '../../app-detail/renewal/RenewalDiffList';

/** What replacing the older versions would do, version by version. */
export function ReplacementPlan({ replacement }: { readonly replacement: LineageReplacement }) {
  const { m } = useI18n();
  if (replacement.replaced.length === 0) return <p>{m.cleanup.replace.nothing}</p>;
  return (
    <div className="replacement-plan">
      <p>{m.cleanup.replace.summary(replacement.profile.lineageVersion, replacement.replaced.length)}</p>
      {replacement.replaced.map((version) => (
        <OlderVersionPlan key={version.profile.id} version={version} />
      ))}
    </div>
  );
}

/** One older version: the renewal that replaces it (apps, groups, devices, diff), or only the mark when nothing uses it. */
function OlderVersionPlan({ version }: { readonly version: ReplacedVersion }) {
  const { m, format } = useI18n();
  const headingId = useId();
  const { profile, plan } = version;
  return (
    <section className="older-version" aria-labelledby={headingId}>
      <h4 id={headingId}>{m.cleanup.replace.version(profile.lineageVersion, format.date(profile.expirationDate))}</h4>
      <p className="mono small muted">{profile.uuid}</p>
      {plan.apps.length === 0 ? (
        <p>{m.cleanup.replace.unusedVersion}</p>
      ) : (
        <>
          <p>{m.cleanup.replace.renews(plan.apps.length, plan.ogIds.length, plan.devices)}</p>
          <RenewalDiffList diff={plan.diff} />
          <PlannedAppsTable apps={plan.apps} label={m.cleanup.replace.appsOf(profile.lineageVersion)} />
        </>
      )}
    </section>
  );
}
