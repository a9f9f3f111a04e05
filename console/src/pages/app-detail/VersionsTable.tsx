import type { AppBundle, AppVersion, Profile } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** Each profile a version's bundles run under, once. */
function profilesOf(bundles: readonly AppBundle[]): Profile[] {
  return [...new Map(bundles.map((bundle) => [bundle.profile.id, bundle.profile])).values()];
}

/** The app's newest versions: what was uploaded when, until when it runs, under which profiles. */
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
            <th scope="col">{m.appDetail.runsUntil}</th>
            <th scope="col">{m.appDetail.profiles}</th>
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
              <td>{version.effectiveExpiry === null ? m.expiry.never : <time dateTime={version.effectiveExpiry}>{format.date(version.effectiveExpiry)}</time>}</td>
              <td>
                <ul className="plain-list">
                  {profilesOf(version.bundles).map((profile) => (
                    <li key={profile.id}>
                      <Link to={paths.profile(profile.id)}>{profile.name}</Link> <span className="muted small">({m.profile.statuses[profile.status]})</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{m.appDetail.versionStatus[version.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
