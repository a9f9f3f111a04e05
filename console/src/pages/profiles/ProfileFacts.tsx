import type { Profile } from '../../api/types';
import { ExpiryNote } from '../../components/ExpiryNote';
import { Facts } from '../../components/Facts';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** What a profile is: its identity, type, team, App ID, dates, signature and status. */
export function ProfileFacts({ profile }: { readonly profile: Profile }) {
  const { m, format } = useI18n();
  return (
    <Facts
      items={[
        [m.profile.name, profile.name],
        [m.profile.type, m.profile.types[profile.type]],
        [m.profile.team, `${profile.teamName} (${profile.teamId})`],
        [m.profile.appId, <span className="mono">{profile.applicationIdentifier}</span>],
        [m.profile.uuid, <span className="mono">{profile.uuid}</span>],
        [m.profile.created, format.date(profile.creationDate)],
        [m.profile.expires, <ExpiryNote expiry={profile.expirationDate} daysLeft={profile.daysLeft} />],
        [m.profile.signature, <span className={profile.signatureStatus === 'valid' ? '' : 'tone-critical'}>{m.profile.signatures[profile.signatureStatus]}</span>],
        [m.profile.status, <ProfileStatus profile={profile} />],
        [m.profile.lineageVersion, format.number(profile.lineageVersion)],
      ]}
    />
  );
}

/** Active, expired, or superseded with a link to the profile that replaced it. */
function ProfileStatus({ profile }: { readonly profile: Profile }) {
  const { m } = useI18n();
  const status = m.profile.statuses[profile.status];
  if (profile.status !== 'superseded' || profile.supersededBy === null) return status;
  return (
    <>
      {status} · <Link to={paths.profile(profile.supersededBy)}>{m.profile.openSuccessor}</Link>
    </>
  );
}
