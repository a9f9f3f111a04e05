import type { ProfileRemoval } from '../../../api/cleanup-types';
import { useI18n } from '../../../i18n/i18n-context';
import { Link } from '../../../routing/Link';
import { paths } from '../../../routing/routes';
import { useSession } from '../../../session/session-context';

/** Each expired profile removed from devices, and from how many. */
export function ExpiredRemovalsTable({ removals }: { readonly removals: readonly ProfileRemoval[] }) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  return (
    <div className="table-scroll">
      <table className="list-table compact" aria-label={m.cleanup.expired.table}>
        <thead>
          <tr>
            <th scope="col">{m.profile.name}</th>
            <th scope="col">{m.profile.uuid}</th>
            <th scope="col">{m.apps.og}</th>
            <th scope="col" className="number">
              {m.profile.devices}
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
