import type { ProfileDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';

/** Which devices a profile lets the app run on: all (enterprise) or the UDIDs it lists. */
export function ProvisionedDevices({ profile }: { readonly profile: ProfileDetail }) {
  const { m } = useI18n();
  if (profile.provisionedDevices.length === 0) {
    return <p>{profile.type === 'enterprise' ? m.profile.allDevices : m.profile.deviceCount(0)}</p>;
  }
  return (
    <details className="udids">
      <summary>{m.profile.deviceCount(profile.provisionedDevices.length)}</summary>
      <ul className="mono">
        {profile.provisionedDevices.map((udid) => (
          <li key={udid}>{udid}</li>
        ))}
      </ul>
    </details>
  );
}
