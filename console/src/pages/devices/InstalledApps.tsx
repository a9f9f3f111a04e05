import type { Installation } from '../../api/types';
import { ExpiryNote } from '../../components/ExpiryNote';
import { daysLeftUntil } from '../../components/days-left';
import { DottedId } from '../../components/DottedId';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { installedAppFacts } from './installed-app-expiry';

/** The apps a device last reported; for catalog apps, their name and when the installed build stops. */
export function InstalledApps({ installations }: { readonly installations: readonly Installation[] }) {
  const { m, format } = useI18n();
  const facts = useApi((signal) => installedAppFacts(installations, signal), [installations]);
  if (installations.length === 0) return <p className="muted">{m.devices.noApps}</p>;
  return (
    <div className="table-scroll">
      <table className="list-table compact fixed" aria-label={m.devices.installedApps} aria-busy={facts.loading}>
        <colgroup>
          <col style={{ width: '20%' }} />
          <col style={{ width: '23%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '28%' }} />
          <col style={{ width: '19%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{m.apps.name}</th>
            <th scope="col">{m.apps.bundleId}</th>
            <th scope="col">{m.appDetail.version}</th>
            <th scope="col">{m.appDetail.runsUntil}</th>
            <th scope="col">{m.devices.reported}</th>
          </tr>
        </thead>
        <tbody>
          {installations.map((installation) => {
            const known = facts.data?.get(installation.bundleId);
            return (
              <tr key={installation.bundleId}>
                <th scope="row">
                  {installation.appId === null ? <span className="muted">{m.devices.notInCatalog}</span> : <Link to={paths.app(installation.appId)}>{known?.name ?? installation.bundleId}</Link>}
                </th>
                <td>
                  <DottedId value={installation.bundleId} />
                </td>
                <td>{[installation.shortVersion, installation.bundleVersion && `(${installation.bundleVersion})`].filter(Boolean).join(' ') || m.common.none}</td>
                <td>
                  <div className="two-line-slot">{known === undefined ? (facts.loading ? null : m.common.none) : <ExpiryNote expiry={known.expiry} daysLeft={known.expiry === null ? null : daysLeftUntil(known.expiry)} />}</div>
                </td>
                <td>{format.dateTime(installation.reportedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
