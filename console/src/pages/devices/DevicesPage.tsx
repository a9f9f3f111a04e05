import { useState } from 'react';
import { fetchDevices } from '../../api/catalog';
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
import { DeviceRow } from './DeviceRow';
import { RemoveExpiredPanel } from './expired/RemoveExpiredPanel';

const EXPIRED_PANEL = 'expired-profiles';

/** The enrolled devices of the chosen group, most recently seen first, with the removal of expired profiles. */
export function DevicesPage() {
  const { m } = useI18n();
  const { selectedOgId, canChangeApps } = useSession();
  const expired = useDisclosure(useState(false));
  const [search, setSearch] = useQueryText('search');
  const filterKey = JSON.stringify([selectedOgId, search]);
  const pages = useCursorPages((cursor, signal) => fetchDevices({ og: selectedOgId, search, limit: PAGE_SIZE, cursor }, signal), filterKey);
  const { page } = pages;
  return (
    <>
      <PageHeader
        title={m.devices.title}
        trail={[{ label: m.nav.resources }, { label: m.nav.devices }]}
        actions={canChangeApps ? <DisclosureButton disclosure={expired} controls={EXPIRED_PANEL} label={m.cleanup.expired.action} /> : undefined}
      />
      {canChangeApps && expired.open && <RemoveExpiredPanel key={selectedOgId} id={EXPIRED_PANEL} ogId={selectedOgId} onClose={expired.close} />}
      <div className="list-toolbar">
        <SearchForm key={filterKey} id="devices-search" label={m.apps.search} placeholder={m.devices.searchPlaceholder} value={search} onSearch={setSearch} />
        <Pager pages={pages} />
      </div>
      <ListTable
        label={m.devices.tableLabel}
        widths={['20%', '14%', '10%', '16%', '18%', '22%']}
        head={
          <>
            <th scope="col">{m.devices.name}</th>
            <th scope="col">{m.devices.model}</th>
            <th scope="col">{m.devices.osVersion}</th>
            <th scope="col">{m.devices.serialNumber}</th>
            <th scope="col">{m.devices.user}</th>
            <th scope="col">{m.devices.lastSeen}</th>
          </>
        }
        items={page.data?.items}
        loading={page.loading}
        error={page.error}
        onRetry={page.reload}
        emptyText={m.devices.empty}
        renderRow={(device) => <DeviceRow key={device.id} device={device} />}
      />
    </>
  );
}
