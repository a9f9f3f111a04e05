import type { LineageReplacement } from '../../../api/cleanup-types';
import { useI18n } from '../../../i18n/i18n-context';
import { Link } from '../../../routing/Link';
import { paths } from '../../../routing/routes';

/** The older versions replaced, each with the rollout that renews its apps. */
export function ReplacementResult({ replacement }: { readonly replacement: LineageReplacement }) {
  const { m, format } = useI18n();
  return (
    <>
      <p className="result-headline">{m.cleanup.replace.done(replacement.profile.lineageVersion, replacement.replaced.length)}</p>
      <ul className="plain-list result-list">
        {replacement.replaced.map(({ profile, plan, renewalId }) => (
          <li key={profile.id}>
            {renewalId === null ? (
              m.cleanup.replace.markedOnly(profile.lineageVersion)
            ) : (
              <>
                {m.cleanup.replace.renewed(profile.lineageVersion, format.list(plan.apps.map((app) => app.name)))}{' '}
                <Link to={paths.renewal(renewalId)}>{m.cleanup.replace.followRollout(profile.lineageVersion)}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
