import type { Profile } from '../../api/types';
import { DottedId } from '../../components/DottedId';
import { ExpiryNote } from '../../components/ExpiryNote';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

interface ProfileRowProps {
  readonly profile: Profile;
  /** Whether the row has an actions cell (admins who may change profiles). */
  readonly withActions: boolean;
  /** Whether an older version of this profile on the page is not replaced yet. */
  readonly replaceOlder: boolean;
}

/** One profile in the list. */
export function ProfileRow({ profile, withActions, replaceOlder }: ProfileRowProps) {
  const { m } = useI18n();
  return (
    <tr>
      <th scope="row">
        <Link to={paths.profile(profile.id)}>{profile.name}</Link>
      </th>
      <td>
        <DottedId value={profile.applicationIdentifier} />
      </td>
      <td>{m.profile.types[profile.type]}</td>
      <td>{profile.teamName}</td>
      <td>
        <ExpiryNote expiry={profile.expirationDate} daysLeft={profile.daysLeft} to={paths.profile(profile.id)} />
      </td>
      <td>{m.profile.statuses[profile.status]}</td>
      {withActions && (
        <td>
          {replaceOlder && (
            <Link to={paths.replaceOlderVersions(profile.id)}>
              {m.cleanup.replace.action}
              <span className="visually-hidden"> ({profile.name})</span>
            </Link>
          )}
        </td>
      )}
    </tr>
  );
}
