import type { AppDetail } from '../../api/types';
import { ExpiryNote } from '../../components/ExpiryNote';
import { Facts } from '../../components/Facts';
import { useI18n } from '../../i18n/i18n-context';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { appVersionLabel } from '../apps/app-version-label';
import { VersionsTable } from './VersionsTable';

/** The app's facts and its newest versions. */
export function DetailsTab({ app }: { readonly app: AppDetail }) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading" className="visually-hidden">
        {m.appDetail.detailsTab}
      </h2>
      <Facts
        items={[
          [m.apps.bundleId, <span className="mono">{app.bundleId}</span>],
          [m.appDetail.platform, app.platform],
          [m.apps.og, ogNames.get(app.ogId) ?? m.common.none],
          [m.appDetail.added, format.date(app.createdAt)],
          [m.appDetail.currentVersion, appVersionLabel(app.currentVersion) ?? m.common.none],
          [m.apps.installs, format.number(app.installCount)],
          [m.apps.renewalDate, <ExpiryNote expiry={app.effectiveExpiry} daysLeft={app.daysLeft} to={paths.app(app.id, 'files')} />],
        ]}
      />
      <h3>{m.appDetail.versions}</h3>
      <VersionsTable versions={app.versions.items} />
      {app.versions.nextCursor !== null && <p className="muted">{m.appDetail.moreVersions}</p>}
    </section>
  );
}
