import type { AppBundle, AppVersion, Profile } from '../../api/types';
import { CompactTable } from '../../components/CompactTable';
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
    <CompactTable
      label={m.appDetail.versions}
      columns={[m.appDetail.version, m.appDetail.build, m.appDetail.uploaded, { heading: m.appDetail.size, figures: true }, m.appDetail.runsUntil, m.appDetail.profiles, m.appDetail.status]}
    >
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
    </CompactTable>
  );
}
