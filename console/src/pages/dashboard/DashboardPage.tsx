import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { ActiveRollouts } from './ActiveRollouts';
import { ExpiringFirst } from './ExpiringFirst';
import { ExpiryTimeline } from './ExpiryTimeline';

/** The first page: the expiry timeline, the rollouts in progress and the apps that stop first. */
export function DashboardPage() {
  const { m } = useI18n();
  return (
    <>
      <PageHeader title={m.dashboard.title} />
      <div className="dashboard-grid">
        <section className="card" aria-labelledby="timeline">
          <h2 id="timeline">{m.dashboard.timeline}</h2>
          <ExpiryTimeline />
        </section>
        <section className="card" aria-labelledby="rollouts">
          <h2 id="rollouts">{m.dashboard.rollouts}</h2>
          <ActiveRollouts />
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
