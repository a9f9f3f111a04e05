import { fetchProfile, profileDownloadUrl } from '../../api/catalog';
import { FailureMessage } from '../../components/FailureMessage';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n-context';
import { useRouter } from '../../routing/router-context';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { DeleteProfile } from './DeleteProfile';
import { LineageCard } from './LineageCard';
import { ProfileDetails } from './ProfileDetails';
import { SharedByTable } from './SharedByTable';

/** One provisioning profile: its details, the apps that use it, its versions, download, replace older versions and delete. */
export function ProfileDetailPage({ id }: { readonly id: number }) {
  const { m } = useI18n();
  const { canChangeApps } = useSession();
  const { navigate } = useRouter();
  const profile = useApi((signal) => fetchProfile(id, signal), [id]);
  const name = profile.data?.name ?? (profile.error === undefined ? m.common.loading : m.common.unavailable);
  const trail = [{ label: m.nav.resources }, { label: m.nav.apps }, { label: m.nav.profiles, to: paths.profiles() }, { label: name }];
  const download = (
    <a className="button secondary" href={profileDownloadUrl(id)} download>
      {m.files.download}
    </a>
  );
  return (
    <>
      <PageHeader title={name} trail={trail} actions={profile.data === undefined ? undefined : download} />
      {profile.error !== undefined && <FailureMessage error={profile.error} onRetry={profile.reload} />}
      {profile.data !== undefined && (
        <>
          <section className="card" aria-label={m.profiles.title}>
            <ProfileDetails profile={profile.data} headingLevel={2} />
          </section>
          <section className="card" aria-labelledby="used-by">
            <h2 id="used-by">{m.profile.usedBy}</h2>
            <SharedByTable usages={profile.data.sharedBy} label={m.profile.usedBy} />
          </section>
          {profile.data.lineage.length > 1 && <LineageCard profile={profile.data} onReplaced={profile.reload} />}
          {canChangeApps && <DeleteProfile profile={profile.data} onDeleted={() => navigate(paths.profiles())} />}
        </>
      )}
    </>
  );
}
