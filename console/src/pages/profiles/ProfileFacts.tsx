import type { Profile } from '../../api/types';
import { ExpiryNote } from '../../components/ExpiryNote';
import { Facts } from '../../components/Facts';
import { useI18n } from '../../i18n/i18n-context';

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
        [m.profile.status, m.profile.statuses[profile.status]],
        [m.profile.lineageVersion, format.number(profile.lineageVersion)],
      ]}
    />
  );
}
