import type { AppVersion } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';

/** The app's newest versions: what was uploaded when, and which still count. */
export function VersionsTable({ versions }: { readonly versions: readonly AppVersion[] }) {
  const { m, format } = useI18n();
  return (
    <div className="table-scroll">
      <table className="list-table compact" aria-label={m.appDetail.versions}>
        <thead>
          <tr>
            <th scope="col">{m.appDetail.version}</th>
            <th scope="col">{m.appDetail.build}</th>
            <th scope="col">{m.appDetail.uploaded}</th>
            <th scope="col" className="number">
              {m.appDetail.size}
            </th>
            <th scope="col">{m.appDetail.status}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id}>
              <th scope="row">{version.shortVersion}</th>
              <td>{version.build}</td>
              <td>{format.dateTime(version.uploadedAt)}</td>
              <td className="number">{format.bytes(version.ipaSize)}</td>
              <td>{m.appDetail.versionStatus[version.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
