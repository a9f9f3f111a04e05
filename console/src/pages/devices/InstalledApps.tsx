import type { Installation } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** The apps a device last reported, linked to the catalog app when the build was recognised. */
export function InstalledApps({ installations }: { readonly installations: readonly Installation[] }) {
  const { m, format } = useI18n();
  if (installations.length === 0) return <p className="muted">{m.devices.noApps}</p>;
  return (
    <div className="table-scroll">
      <table className="list-table compact" aria-label={m.devices.installedApps}>
        <thead>
          <tr>
            <th scope="col">{m.apps.bundleId}</th>
            <th scope="col">{m.appDetail.version}</th>
            <th scope="col">{m.devices.reported}</th>
          </tr>
        </thead>
        <tbody>
          {installations.map((installation) => (
            <tr key={installation.bundleId}>
              <th scope="row" className="mono">
                {installation.appId === null ? installation.bundleId : <Link to={paths.app(installation.appId)}>{installation.bundleId}</Link>}
              </th>
              <td>{[installation.shortVersion, installation.bundleVersion && `(${installation.bundleVersion})`].filter(Boolean).join(' ') || m.common.none}</td>
              <td>{format.dateTime(installation.reportedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
