import { fetchProfiles } from '../../api/catalog';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchForm } from '../../components/SearchForm';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { useQueryText } from '../../hooks/use-query-text';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { ProfileRow } from './ProfileRow';

/** The provisioning profiles of the chosen group, soonest expiry first. */
export function ProfilesPage() {
  const { m } = useI18n();
  const { selectedOgId } = useSession();
  const [search, setSearch] = useQueryText('search');
  const filterKey = JSON.stringify([selectedOgId, search]);
  const pages = useCursorPages((cursor, signal) => fetchProfiles({ og: selectedOgId, search, limit: PAGE_SIZE, cursor }, signal), filterKey);
  const { page } = pages;
  return (
    <>
      <PageHeader title={m.profiles.title} trail={[{ label: m.nav.resources }, { label: m.nav.apps }, { label: m.nav.profiles }]} />
      <div className="list-toolbar">
        <SearchForm key={filterKey} id="profiles-search" label={m.apps.search} placeholder={m.profiles.searchPlaceholder} value={search} onSearch={setSearch} />
        <Pager pages={pages} />
      </div>
      <ListTable
        label={m.profiles.tableLabel}
        widths={['19%', '23%', '13%', '12%', '22%', '11%']}
        head={
          <>
            <th scope="col">{m.profile.name}</th>
            <th scope="col">{m.profile.appId}</th>
            <th scope="col">{m.profile.type}</th>
            <th scope="col">{m.profile.team}</th>
            <th scope="col">{m.profile.expires}</th>
            <th scope="col">{m.profile.status}</th>
          </>
        }
        items={page.data?.items}
        loading={page.loading}
        error={page.error}
        onRetry={page.reload}
        emptyText={m.profiles.empty}
        renderRow={(profile) => <ProfileRow key={profile.id} profile={profile} />}
      />
    </>
  );
}
