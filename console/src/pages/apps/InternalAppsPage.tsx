import { fetchApps } from '../../api/catalog';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SortableHeader } from '../../components/SortableHeader';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { useRouter } from '../../routing/router-context';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { readAppFilters, writeAppFilters, type AppFilters } from './app-filters';
import { AppFiltersForm } from './AppFiltersForm';
import { APP_COLUMN_WIDTHS } from './app-columns';
import { AppRow } from './AppRow';

/** Resources > Apps > Native > Internal: the apps of the chosen group, paged and sorted by the server. */
export function InternalAppsPage() {
  const { m } = useI18n();
  const { selectedOgId, canChangeApps } = useSession();
  const router = useRouter();
  const filters = readAppFilters(router.search);
  const setFilters = (next: AppFilters) => router.navigate(`${paths.apps()}${writeAppFilters(next)}`, { replace: true });
  const filterKey = JSON.stringify([selectedOgId, filters]);
  const pages = useCursorPages(
    (cursor, signal) =>
      fetchApps({ og: selectedOgId, search: filters.search, expiringWithin: filters.expiringWithin, sort: filters.sort, limit: PAGE_SIZE, cursor }, signal),
    filterKey,
  );
  const { page } = pages;
  const upload = canChangeApps ? (
    <Link to={paths.upload()} className="button primary">
      {m.apps.upload}
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader
        title={m.apps.title}
        trail={[{ label: m.nav.resources }, { label: m.nav.apps }, { label: m.nav.native }, { label: m.nav.internal }]}
        actions={upload}
      />
      <div className="list-toolbar">
        <AppFiltersForm key={filterKey} filters={filters} onChange={setFilters} />
        <Pager pages={pages} />
      </div>
      <ListTable
        label={m.apps.tableLabel}
        widths={APP_COLUMN_WIDTHS}
        head={
          <>
            <SortableHeader label={m.apps.name} active={filters.sort === 'name'} onSort={() => setFilters({ ...filters, sort: 'name' })} />
            <th scope="col">{m.apps.bundleId}</th>
            <th scope="col">{m.apps.version}</th>
            <th scope="col">{m.apps.og}</th>
            <th scope="col" className="number">
              {m.apps.installs}
            </th>
            <SortableHeader
              label={m.apps.renewalDate}
              active={filters.sort === 'expiry'}
              onSort={() => setFilters({ ...filters, sort: 'expiry' })}
            />
          </>
        }
        items={page.data?.items}
        loading={page.loading}
        error={page.error}
        onRetry={page.reload}
        emptyText={m.apps.empty}
        renderRow={(app) => <AppRow key={app.id} app={app} />}
      />
    </>
  );
}
