import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths, type AppTab } from '../../routing/routes';

/** The app's sections; each has its own address, so "(Expires in XX days)" can open Files directly. */
export function AppTabs({ appId, current }: { readonly appId: number; readonly current: AppTab }) {
  const { m } = useI18n();
  const tabs: ReadonlyArray<readonly [AppTab, string]> = [
    ['details', m.appDetail.detailsTab],
    ['files', m.appDetail.filesTab],
  ];
  return (
    <nav className="tabs" aria-label={m.appDetail.tabsLabel}>
      <ul>
        {tabs.map(([tab, label]) => (
          <li key={tab}>
            <Link to={paths.app(appId, tab)} className="tab" aria-current={tab === current ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
