import type { DeviceProfile } from '../../api/types';
import { CompactTable } from '../../components/CompactTable';
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
    <CompactTable label={m.devices.installedProfiles} columns={[m.profile.name, m.profile.uuid, m.profile.expires, m.devices.reported]}>
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
    </CompactTable>
  );
}
