import { fetchApp } from '../../api/catalog';
import { ExpiryNote } from '../../components/ExpiryNote';
import { FailureMessage } from '../../components/FailureMessage';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n-context';
import { paths, type AppTab } from '../../routing/routes';
import { AppTabs } from './AppTabs';
import { DetailsTab } from './DetailsTab';
import { FilesTab } from './FilesTab';

/** One internal app, with its Details and Files tabs. */
export function AppDetailPage({ id, tab }: { readonly id: number; readonly tab: AppTab }) {
  const { m } = useI18n();
  const app = useApi((signal) => fetchApp(id, signal), [id]);
  const title = app.data?.name ?? (app.error === undefined ? m.common.loading : m.common.unavailable);
  const trail = [
    { label: m.nav.resources },
    { label: m.nav.apps },
    { label: m.nav.native },
    { label: m.nav.internal, to: paths.apps() },
    { label: title },
  ];
  return (
    <>
      <PageHeader
        title={title}
        trail={trail}
        subtitle={app.data === undefined ? '\u00a0' : <span className="mono">{app.data.bundleId}</span>}
        actions={app.data === undefined ? undefined : <ExpiryNote expiry={app.data.effectiveExpiry} daysLeft={app.data.daysLeft} />}
      />
      <AppTabs appId={id} current={tab} />
      {app.error !== undefined && <FailureMessage error={app.error} onRetry={app.reload} />}
      {app.data !== undefined && (tab === 'files' ? <FilesTab app={app.data} onChanged={app.reload} /> : <DetailsTab app={app.data} />)}
    </>
  );
}
