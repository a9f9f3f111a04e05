import type { App } from '../../api/types';
import { DottedId } from '../../components/DottedId';
import { ExpiryNote } from '../../components/ExpiryNote';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { appVersionLabel } from './app-version-label';

/** One internal app; its "(Expires in XX days)" leads to the Files tab, where the profile is renewed. */
export function AppRow({ app }: { readonly app: App }) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  const version = appVersionLabel(app.currentVersion);
  return (
    <tr>
      <th scope="row">
        <Link to={paths.app(app.id)}>{app.name}</Link>
      </th>
      <td>
        <DottedId value={app.bundleId} />
      </td>
      <td title={version}>{version ?? m.common.none}</td>
      <td>{ogNames.get(app.ogId) ?? m.common.none}</td>
      <td className="number">{format.number(app.installCount)}</td>
      <td>
        <ExpiryNote expiry={app.effectiveExpiry} daysLeft={app.daysLeft} to={paths.app(app.id, 'files')} />
      </td>
    </tr>
  );
}
