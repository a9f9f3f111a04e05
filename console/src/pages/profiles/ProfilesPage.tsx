import { useState } from 'react';
import { fetchProfiles } from '../../api/catalog';
import { DisclosureButton } from '../../components/DisclosureButton';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchForm } from '../../components/SearchForm';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { useDisclosure } from '../../hooks/use-disclosure';
import { useQueryText } from '../../hooks/use-query-text';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { ProfileRow } from './ProfileRow';
import { replaceableOnPage } from './replace-older/older-versions';
import { UnusedProfilesPanel } from './unused/UnusedProfilesPanel';

const COLUMN_WIDTHS = ['19%', '23%', '13%', '12%', '22%', '11%'];
/** With the actions column: the others give up a little each, the expiry note keeps its width. */
const COLUMN_WIDTHS_WITH_ACTIONS = ['15%', '19%', '11%', '9%', '22%', '10%', '14%'];
const UNUSED_PANEL = 'unused-profiles';

/** The provisioning profiles of the chosen group, soonest expiry first, with the cleanup actions. */
export function ProfilesPage() {
  const { m } = useI18n();
  const { selectedOgId, canChangeApps } = useSession();
  const [search, setSearch] = useQueryText('search');
  const unused = useDisclosure(useState(false));
  const filterKey = JSON.stringify([selectedOgId, search]);
  const pages = useCursorPages((cursor, signal) => fetchProfiles({ og: selectedOgId, search, limit: PAGE_SIZE, cursor }, signal), filterKey);
  const { page } = pages;
  const replaceable = replaceableOnPage(page.data?.items ?? []);
  const actions = canChangeApps ? <DisclosureButton disclosure={unused} controls={UNUSED_PANEL} label={m.cleanup.unused.action} /> : undefined;
  return (
    <>
      <PageHeader title={m.profiles.title} trail={[{ label: m.nav.resources }, { label: m.nav.apps }, { label: m.nav.profiles }]} actions={actions} />
      {canChangeApps && unused.open && <UnusedProfilesPanel key={selectedOgId} id={UNUSED_PANEL} ogId={selectedOgId} onDeleted={page.reload} onClose={unused.close} />}
      <div className="list-toolbar">
        <SearchForm key={filterKey} id="profiles-search" label={m.apps.search} placeholder={m.profiles.searchPlaceholder} value={search} onSearch={setSearch} />
        <Pager pages={pages} />
      </div>
      <ListTable
        label={m.profiles.tableLabel}
        widths={canChangeApps ? COLUMN_WIDTHS_WITH_ACTIONS : COLUMN_WIDTHS}
        head={
          <>
            <th scope="col">{m.profile.name}</th>
            <th scope="col">{m.profile.appId}</th>
            <th scope="col">{m.profile.type}</th>
            <th scope="col">{m.profile.team}</th>
            <th scope="col">{m.profile.expires}</th>
            <th scope="col">{m.profile.status}</th>
            {canChangeApps && <th scope="col">{m.profiles.actions}</th>}
          </>
        }
        items={page.data?.items}
        loading={page.loading}
        error={page.error}
        onRetry={page.reload}
        emptyText={m.profiles.empty}
        renderRow={(profile) => <ProfileRow key={profile.id} profile={profile} withActions={canChangeApps} replaceOlder={replaceable.has(profile.id)} />}
      />
    </>
  );
}
