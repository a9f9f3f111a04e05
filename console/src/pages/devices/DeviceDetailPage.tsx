import { fetchDevice } from '../../api/catalog';
import { Facts } from '../../components/Facts';
import { FailureMessage } from '../../components/FailureMessage';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n-context';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { InstalledApps } from './InstalledApps';
import { InstalledProfiles } from './InstalledProfiles';

/** One device: who uses it, and the apps and profiles it reported. */
export function DeviceDetailPage({ id }: { readonly id: number }) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  const device = useApi((signal) => fetchDevice(id, signal), [id]);
  const data = device.data;
  const name = data === undefined ? (device.error === undefined ? m.common.loading : m.common.unavailable) : (data.name ?? m.devices.unnamed);
  return (
    <>
      <PageHeader title={name} trail={[{ label: m.nav.resources }, { label: m.nav.devices, to: paths.devices() }, { label: name }]} />
      {device.error !== undefined && <FailureMessage error={device.error} onRetry={device.reload} />}
      {data !== undefined && (
        <>
          <section className="card" aria-label={name}>
            <Facts
              items={[
                [m.devices.udid, <span className="mono break">{data.udid}</span>],
                [m.devices.serialNumber, data.serialNumber ?? m.common.none],
                [m.devices.model, data.model ?? m.common.none],
                [m.devices.osVersion, data.osVersion ?? m.common.none],
                [m.devices.user, [data.userName, data.userEmail].filter(Boolean).join(' · ') || m.common.none],
                [m.apps.og, ogNames.get(data.ogId) ?? m.common.none],
                [m.devices.enrolled, format.dateTime(data.enrolledAt)],
                [m.devices.lastSeen, format.dateTime(data.lastSeenAt)],
              ]}
            />
          </section>
          <section className="card" aria-labelledby="device-apps">
            <h2 id="device-apps">{m.devices.installedApps}</h2>
            <InstalledApps installations={data.installations} />
          </section>
          <section className="card" aria-labelledby="device-profiles">
            <h2 id="device-profiles">{m.devices.installedProfiles}</h2>
            <InstalledProfiles profiles={data.profiles} />
          </section>
        </>
      )}
    </>
  );
}
