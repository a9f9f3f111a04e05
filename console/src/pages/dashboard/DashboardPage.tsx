import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { ExpiringFirst } from './ExpiringFirst';

/**
 * The first page: the apps that stop first. RENEWAL RELEASE: the expiry timeline chart (apps and
 * devices that stop per week, next year) and the rollouts in progress go in the two marked
 * sections, fed by the lifecycle API; until then they say so instead of showing made-up data.
 */
export function DashboardPage() {
  const { m } = useI18n();
  return (
    <>
      <PageHeader title={m.dashboard.title} />
      <div className="two-columns">
        <section className="card pending" aria-labelledby="timeline">
          <h2 id="timeline">{m.dashboard.timeline}</h2>
          <p className="muted">{m.dashboard.timelinePending}</p>
        </section>
        <section className="card pending" aria-labelledby="rollouts">
          <h2 id="rollouts">{m.dashboard.rollouts}</h2>
          <p className="muted">{m.dashboard.rolloutsPending}</p>
        </section>
      </div>
      <section className="card" aria-labelledby="expiring-first">
        <div className="card-title-row">
          <h2 id="expiring-first">{m.dashboard.expiringFirst}</h2>
          <Link to={`${paths.apps()}?sort=expiry`}>{m.dashboard.allApps}</Link>
        </div>
        <ExpiringFirst />
      </section>
    </>
  );
}
