import type { Renewal, RenewedProfile } from '../../api/lifecycle-types';
import { Facts } from '../../components/Facts';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';

/** The old and new profile with their expiry, the apps renewed, who did it and when. */
export function RenewalFacts({ renewal }: { readonly renewal: Renewal }) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  const profileLink = (profile: RenewedProfile) => (
    <>
      {profile.id === null ? profile.name : <Link to={paths.profile(profile.id)}>{profile.name}</Link>}{' '}
      <span className="muted">({m.rollout.expires(format.date(profile.expirationDate))})</span>
    </>
  );
  const apps = renewal.apps.map((app, index) => (
    <span key={app.appId}>
      {index > 0 && ', '}
      <Link to={paths.app(app.appId, 'files')}>{app.name}</Link>
    </span>
  ));
  return (
    <Facts
      items={[
        [m.rollout.oldProfile, profileLink(renewal.oldProfile)],
        [m.rollout.newProfile, profileLink(renewal.newProfile)],
        [m.rollout.apps, apps],
        [m.apps.og, ogNames.get(renewal.ogId) ?? m.common.none],
        [m.rollout.applied, format.dateTime(renewal.createdAt)],
        [m.rollout.by, renewal.createdBy ?? m.rollout.byToken],
      ]}
    />
  );
}
