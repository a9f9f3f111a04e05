import type { ProfileUsage } from '../../api/types';
import { CompactTable } from '../../components/CompactTable';
import { DottedId } from '../../components/DottedId';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** Every app version bundle that runs under a profile: renewing it reaches all of them. */
export function SharedByTable({ usages, label }: { readonly usages: readonly ProfileUsage[]; readonly label: string }) {
  const { m } = useI18n();
  if (usages.length === 0) return <p className="muted">{m.profile.unused}</p>;
  return (
    <CompactTable label={label} columns={[m.profile.app, m.appDetail.version, m.files.bundle, m.appDetail.status]}>
      {usages.map((usage) => (
        <tr key={`${usage.appVersionId}-${usage.bundleId}`}>
          <th scope="row">
            <Link to={paths.app(usage.appId, 'files')}>{usage.appName}</Link>
          </th>
          <td>
            {usage.shortVersion} ({usage.build})
          </td>
          <td>
            <DottedId value={usage.bundleId} />
          </td>
          <td>{m.appDetail.versionStatus[usage.versionStatus]}</td>
        </tr>
      ))}
    </CompactTable>
  );
}
