import type { CleanedProfile } from '../../../api/cleanup-types';
import { useI18n } from '../../../i18n/i18n-context';
import { Link } from '../../../routing/Link';
import { paths } from '../../../routing/routes';
import { useSession } from '../../../session/session-context';

interface CleanedProfilesTableProps {
  readonly profiles: readonly CleanedProfile[];
  readonly label: string;
  /** Names link to the profiles; not once they are deleted. */
  readonly linked: boolean;
}

/** Profiles a cleanup names: which version of which profile, in which group, and its state. */
export function CleanedProfilesTable({ profiles, label, linked }: CleanedProfilesTableProps) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  return (
    <div className="table-scroll">
      <table className="list-table compact" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{m.profile.name}</th>
            <th scope="col" className="number">
              {m.profile.lineageVersion}
            </th>
            <th scope="col">{m.apps.og}</th>
            <th scope="col">{m.profile.status}</th>
            <th scope="col">{m.profile.expires}</th>
            <th scope="col">{m.profile.uuid}</th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.id}>
              <th scope="row">{linked ? <Link to={paths.profile(profile.id)}>{profile.name}</Link> : profile.name}</th>
              <td className="number">{format.number(profile.lineageVersion)}</td>
              <td>{ogNames.get(profile.ogId) ?? m.common.none}</td>
              <td>{m.profile.statuses[profile.status]}</td>
              <td>
                <time dateTime={profile.expirationDate}>{format.date(profile.expirationDate)}</time>
              </td>
              <td className="mono small">{profile.uuid}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
