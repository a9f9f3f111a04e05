import { fetchProfile, profileDownloadUrl } from '../../api/catalog';
import type { Renewal } from '../../api/lifecycle-types';
import { FailureMessage } from '../../components/FailureMessage';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { ProfileDetails } from '../profiles/ProfileDetails';
import { SharedByTable } from '../profiles/SharedByTable';
import { RenewAction } from './RenewAction';

interface BundleProfileProps {
  readonly profileId: number;
  /** The bundles of this version that run under the profile. */
  readonly bundleIds: readonly string[];
  readonly onRenewed: (renewal: Renewal) => void;
}

/** The profile some bundles run under, in full, with every app that shares it and the Renew action. */
export function BundleProfile({ profileId, bundleIds, onRenewed }: BundleProfileProps) {
  const { m, format } = useI18n();
  const { canChangeApps } = useSession();
  const profile = useApi((signal) => fetchProfile(profileId, signal), [profileId]);
  const title = m.files.profileOf(format.list(bundleIds));
  const headingId = `profile-${profileId}`;
  const apps = new Set(profile.data?.sharedBy.map((usage) => usage.appId));
  return (
    <section className="card" aria-labelledby={headingId} aria-busy={profile.loading}>
      <div className="card-title-row">
        <h2 id={headingId}>{title}</h2>
        <a className="button secondary" href={profileDownloadUrl(profileId)} download>
          {m.files.download}
        </a>
      </div>
      {profile.error !== undefined && <FailureMessage error={profile.error} onRetry={profile.reload} />}
      {profile.data === undefined && profile.error === undefined && <div className="card-placeholder">{m.common.loading}</div>}
      {profile.data !== undefined && (
        <>
          {canChangeApps && <RenewAction profile={profile.data} onApplied={onRenewed} />}
          <ProfileDetails profile={profile.data} headingLevel={3} />
          <h3>{m.files.sharedTitle}</h3>
          <SharedByTable usages={profile.data.sharedBy} label={m.files.sharedTitle} />
          {apps.size <= 1 && <p className="muted">{m.files.onlyThisApp}</p>}
        </>
      )}
    </section>
  );
}
