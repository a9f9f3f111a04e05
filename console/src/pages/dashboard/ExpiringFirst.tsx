import { fetchApps } from '../../api/catalog';
import { ListTable } from '../../components/ListTable';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { APP_COLUMN_WIDTHS } from '../apps/app-columns';
import { AppRow } from '../apps/AppRow';

/** How many apps the dashboard lists. */
const SHOWN = 10;

/** The apps of the chosen group that stop first, straight from the API's expiry order. */
export function ExpiringFirst() {
  const { m } = useI18n();
  const { selectedOgId } = useSession();
  const apps = useApi((signal) => fetchApps({ og: selectedOgId, sort: 'expiry', limit: SHOWN }, signal), [selectedOgId]);
  return (
    <ListTable
      label={m.dashboard.expiringFirst}
      widths={APP_COLUMN_WIDTHS}
      head={
        <>
          <th scope="col">{m.apps.name}</th>
          <th scope="col">{m.apps.bundleId}</th>
          <th scope="col">{m.apps.version}</th>
          <th scope="col">{m.apps.og}</th>
          <th scope="col" className="number">
            {m.apps.installs}
          </th>
          <th scope="col">{m.apps.renewalDate}</th>
        </>
      }
      items={apps.data?.items}
      loading={apps.loading}
      error={apps.error}
      onRetry={apps.reload}
      emptyText={m.dashboard.noApps}
      renderRow={(app) => <AppRow key={app.id} app={app} />}
    />
  );
}
