import type { ProfileLineageEntry } from '../../api/types';
import { CompactTable } from '../../components/CompactTable';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** Every version of a profile (same group, App ID and name), the one shown marked as current page. */
export function LineageTable({ lineage, currentId }: { readonly lineage: readonly ProfileLineageEntry[]; readonly currentId: number }) {
  const { m, format } = useI18n();
  return (
    <CompactTable label={m.profile.lineage} columns={[m.profile.lineageVersion, m.profile.uuid, m.profile.expires, m.profile.status]}>
      {lineage.map((entry) => (
        <tr key={entry.id}>
          <th scope="row">
            {entry.id === currentId ? (
              <span aria-current="page">{format.number(entry.lineageVersion)}</span>
            ) : (
              <Link to={paths.profile(entry.id)}>{format.number(entry.lineageVersion)}</Link>
            )}
          </th>
          <td className="mono">{entry.uuid}</td>
          <td>
            <time dateTime={entry.expirationDate}>{format.date(entry.expirationDate)}</time>
          </td>
          <td>{m.profile.statuses[entry.status]}</td>
        </tr>
      ))}
    </CompactTable>
  );
}
