import { useState } from 'react';
import { fetchRenewals } from '../../api/lifecycle';
import type { Renewal } from '../../api/lifecycle-types';
import type { AppBundle, AppDetail } from '../../api/types';
import { FailureMessage } from '../../components/FailureMessage';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n-context';
import { AppRollouts } from './AppRollouts';
import { BundleProfile } from './BundleProfile';
import { IpaFacts } from './IpaFacts';

/** The bundles of a version grouped by the profile they run under (extensions often share the app's). */
function bundlesByProfile(bundles: readonly AppBundle[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const bundle of bundles) groups.set(bundle.profile.id, [...(groups.get(bundle.profile.id) ?? []), bundle.bundleId]);
  return groups;
}

interface FilesTabProps {
  readonly app: AppDetail;
  /** Reads the app again, e.g. after a renewal moved it to a new profile. */
  readonly onChanged: () => void;
}

/**
 * Bestanden / Files: the rollouts running for the app, the current .ipa, every profile its bundles
 * run under, and their renewal. Nothing shows until the running rollouts are known, so their
 * cards never push the page down after it appeared.
 */
export function FilesTab({ app, onChanged }: FilesTabProps) {
  const { m } = useI18n();
  const [applied, setApplied] = useState<Renewal | undefined>(undefined);
  const active = useApi((signal) => fetchRenewals({ state: 'active' }, signal), [app.id]);
  const current = app.versions.items.find((version) => version.status === 'active');
  if (current === undefined) return <p className="muted">{m.files.noActiveVersion}</p>;
  if (active.data === undefined && active.error === undefined) return <p className="muted">{m.common.loading}</p>;
  const renewed = (renewal: Renewal) => {
    setApplied(renewal);
    onChanged();
  };
  return (
    <>
      {active.error !== undefined && <FailureMessage error={active.error} onRetry={active.reload} />}
      <AppRollouts appId={app.id} active={active.data ?? []} applied={applied} />
      <section className="card" aria-labelledby="ipa-heading">
        <h2 id="ipa-heading">{m.files.ipaTitle}</h2>
        <IpaFacts version={current} />
      </section>
      {[...bundlesByProfile(current.bundles)].map(([profileId, bundleIds]) => (
        <BundleProfile key={profileId} profileId={profileId} bundleIds={bundleIds} onRenewed={renewed} />
      ))}
    </>
  );
}
