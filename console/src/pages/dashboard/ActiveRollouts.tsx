import { fetchRenewals } from '../../api/lifecycle';
import { FailureMessage } from '../../components/FailureMessage';
import { useApi } from '../../hooks/use-api';
import { useRefreshEvery } from '../../hooks/use-refresh-every';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { RolloutMeter } from '../renewals/RolloutMeter';

/** How often the list is read again while something rolls out. */
const REFRESH_MS = 5000;

/** The renewals of the chosen group whose rollout is not complete, each linking to its rollout view. */
export function ActiveRollouts() {
  const { m, format } = useI18n();
  const { selectedOgId } = useSession();
  const renewals = useApi((signal) => fetchRenewals({ og: selectedOgId, state: 'active' }, signal), [selectedOgId]);
  const items = renewals.data ?? [];
  useRefreshEvery(renewals.reload, REFRESH_MS, items.length > 0);
  if (renewals.error !== undefined && renewals.data === undefined) return <FailureMessage error={renewals.error} onRetry={renewals.reload} />;
  if (renewals.data === undefined) return <p className="muted">{m.common.loading}</p>;
  if (items.length === 0) return <p className="muted">{m.dashboard.noRollouts}</p>;
  return (
    <ul className="rollout-list">
      {items.map((renewal) => (
        <li key={renewal.id}>
          <Link to={paths.renewal(renewal.id)}>{m.rollout.title(renewal.oldProfile.name)}</Link>
          <p className="muted small">
            {m.rollout.appsLine(format.list(renewal.apps.map((app) => app.name)), format.date(renewal.createdAt))}
          </p>
          <RolloutMeter rollout={renewal.rollout} label={m.rollout.progressOf(renewal.oldProfile.name)} />
        </li>
      ))}
    </ul>
  );
}
