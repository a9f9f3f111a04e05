import type { AppBundle, AppDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { BundleProfile } from './BundleProfile';
import { IpaFacts } from './IpaFacts';

/** The bundles of a version grouped by the profile they run under (extensions often share the app's). */
function bundlesByProfile(bundles: readonly AppBundle[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const bundle of bundles) groups.set(bundle.profile.id, [...(groups.get(bundle.profile.id) ?? []), bundle.bundleId]);
  return groups;
}

/** Bestanden / Files: the current .ipa and every profile its bundles run under. */
export function FilesTab({ app }: { readonly app: AppDetail }) {
  const { m } = useI18n();
  const current = app.versions.items.find((version) => version.status === 'active');
  if (current === undefined) return <p className="muted">{m.files.noActiveVersion}</p>;
  return (
    <>
      <section className="card" aria-labelledby="ipa-heading">
        <h2 id="ipa-heading">{m.files.ipaTitle}</h2>
        <IpaFacts version={current} />
      </section>
      {[...bundlesByProfile(current.bundles)].map(([profileId, bundleIds]) => (
        <BundleProfile key={profileId} profileId={profileId} bundleIds={bundleIds} />
      ))}
    </>
  );
}
