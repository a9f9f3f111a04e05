import type { PlannedApp } from '../../../api/lifecycle-types';
import { DottedId } from '../../../components/DottedId';
import { useI18n } from '../../../i18n/i18n-context';
import { Link } from '../../../routing/Link';
import { paths } from '../../../routing/routes';
import { useSession } from '../../../session/session-context';

/** Every app a renewal reaches: its group, the bundles under the profile, the devices running it. */
export function PlannedAppsTable({ apps, label }: { readonly apps: readonly PlannedApp[]; readonly label?: string }) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  return (
    <div className="table-scroll">
      <table className="list-table compact" aria-label={label ?? m.renewal.appsTable}>
        <thead>
          <tr>
            <th scope="col">{m.profile.app}</th>
            <th scope="col">{m.apps.og}</th>
            <th scope="col">{m.renewal.bundles}</th>
            <th scope="col" className="number">
              {m.profile.devices}
            </th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.appId}>
              <th scope="row">
                <Link to={paths.app(app.appId)}>{app.name}</Link>
              </th>
              <td>{ogNames.get(app.ogId) ?? m.common.none}</td>
              <td>
                {app.bundleIds.map((bundleId) => (
                  <div key={bundleId}>
                    <DottedId value={bundleId} />
                  </div>
                ))}
              </td>
              <td className="number">{format.number(app.devices)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
