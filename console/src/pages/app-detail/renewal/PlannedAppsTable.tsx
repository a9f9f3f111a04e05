import type { PlannedApp } from '../../../api/lifecycle-types';
import { CompactTable } from '../../../components/CompactTable';
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
    <CompactTable label={label ?? m.renewal.appsTable} columns={[m.profile.app, m.apps.og, m.renewal.bundles, { heading: m.profile.devices, figures: true }]}>
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
    </CompactTable>
  );
}
