import type { CleanedProfile } from '../../../api/cleanup-types';
import { CompactTable } from '../../../components/CompactTable';
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
    <CompactTable label={label} columns={[m.profile.name, { heading: m.profile.lineageVersion, figures: true }, m.apps.og, m.profile.status, m.profile.expires, m.profile.uuid]}>
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
    </CompactTable>
  );
}
