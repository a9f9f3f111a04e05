import { useMemo } from 'react';
import { fetchAdmins, fetchAudit } from '../../api/catalog';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchForm } from '../../components/SearchForm';
import { useApi } from '../../hooks/use-api';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { useQueryText } from '../../hooks/use-query-text';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { AuditRow } from './AuditRow';

/** Who did what, newest first, in the chosen group and below. */
export function AuditPage() {
  const { m } = useI18n();
  const { selectedOgId } = useSession();
  const [action, setAction] = useQueryText('action');
  const filterKey = JSON.stringify([selectedOgId, action]);
  const pages = useCursorPages((cursor, signal) => fetchAudit({ ogId: selectedOgId, action, limit: PAGE_SIZE, cursor }, signal), filterKey);
  const admins = useApi((signal) => fetchAdmins(signal), []);
  const usernames = useMemo(() => new Map(admins.data?.items.map((admin) => [admin.id, admin.username])), [admins.data]);
  const { page } = pages;
  return (
    <>
      <PageHeader title={m.audit.title} trail={[{ label: m.nav.monitor }, { label: m.nav.audit }]} />
      <div className="list-toolbar">
        <SearchForm key={filterKey} id="audit-action" label={m.audit.actionFilter} placeholder={m.audit.actionPlaceholder} value={action} onSearch={setAction} />
        <Pager pages={pages} />
      </div>
      <ListTable
        label={m.audit.tableLabel}
        widths={['18%', '14%', '20%', '16%', '16%', '16%']}
        head={
          <>
            <th scope="col">{m.audit.at}</th>
            <th scope="col">{m.audit.actor}</th>
            <th scope="col">{m.audit.action}</th>
            <th scope="col">{m.audit.object}</th>
            <th scope="col">{m.audit.og}</th>
            <th scope="col">{m.audit.address}</th>
          </>
        }
        items={page.data?.items}
        loading={page.loading}
        error={page.error}
        onRetry={page.reload}
        emptyText={m.audit.empty}
        renderRow={(entry) => <AuditRow key={entry.id} entry={entry} usernames={usernames} />}
      />
    </>
  );
}
