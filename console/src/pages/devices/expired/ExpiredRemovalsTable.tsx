import type { ProfileRemoval } from '../../../api/cleanup-types';
import { CompactTable } from '../../../components/CompactTable';
import { useI18n } from '../../../i18n/i18n-context';
import { Link } from '../../../routing/Link';
import { paths } from '../../../routing/routes';
import { useSession } from '../../../session/session-context';

/** Each expired profile removed from devices, and from how many. */
export function ExpiredRemovalsTable({ removals }: { readonly removals: readonly ProfileRemoval[] }) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  return (
    <CompactTable label={m.cleanup.expired.table} columns={[m.profile.name, m.profile.uuid, m.apps.og, { heading: m.profile.devices, figures: true }]}>
      {removals.map((removal) => (
        <tr key={removal.uuid}>
          <th scope="row">
            <Link to={paths.profile(removal.profileId)}>{removal.name}</Link>
          </th>
          <td className="mono small">{removal.uuid}</td>
          <td>{ogNames.get(removal.ogId) ?? m.common.none}</td>
          <td className="number">{format.number(removal.devices)}</td>
        </tr>
      ))}
    </CompactTable>
  );
}
