import type { DeviceProfile } from '../../api/types';
import { daysLeftUntil } from '../../components/days-left';
import { ExpiryNote } from '../../components/ExpiryNote';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** The provisioning profiles a device last reported, with when each expires. */
export function InstalledProfiles({ profiles }: { readonly profiles: readonly DeviceProfile[] }) {
  const { m, format } = useI18n();
  if (profiles.length === 0) return <p className="muted">{m.devices.noProfiles}</p>;
  return (
    <div className="table-scroll">
      <table className="list-table compact" aria-label={m.devices.installedProfiles}>
        <thead>
          <tr>
            <th scope="col">{m.profile.name}</th>
            <th scope="col">{m.profile.uuid}</th>
            <th scope="col">{m.profile.expires}</th>
            <th scope="col">{m.devices.reported}</th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.uuid}>
              <th scope="row">
                {profile.profileId === null ? (profile.name ?? m.common.none) : <Link to={paths.profile(profile.profileId)}>{profile.name ?? profile.uuid}</Link>}
              </th>
              <td className="mono">{profile.uuid}</td>
              <td>{profile.expiresAt === null ? m.common.none : <ExpiryNote expiry={profile.expiresAt} daysLeft={daysLeftUntil(profile.expiresAt)} />}</td>
              <td>{format.dateTime(profile.reportedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
