import type { ProfileDetail } from '../../api/types';
import { DisclosureButton } from '../../components/DisclosureButton';
import { useDisclosure } from '../../hooks/use-disclosure';
import { useQueryText } from '../../hooks/use-query-text';
import { useI18n } from '../../i18n/i18n-context';
import { REPLACE_OLDER_VERSIONS } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { LineageTable } from './LineageTable';
import { olderVersionsToReplace } from './replace-older/older-versions';
import { ReplaceOlderPanel } from './replace-older/ReplaceOlderPanel';

interface LineageCardProps {
  readonly profile: ProfileDetail;
  /** Reads the profile again once older versions were replaced (their status changed). */
  readonly onReplaced: () => void;
}

/**
 * Every version of the profile, and "replace older versions" while some older one is not
 * replaced yet. The open panel is kept in the address (`?action=`), so the profiles list can
 * link straight to it.
 */
export function LineageCard({ profile, onReplaced }: LineageCardProps) {
  const { m } = useI18n();
  const { canChangeApps } = useSession();
  const [action, setAction] = useQueryText('action');
  const replace = useDisclosure([action === REPLACE_OLDER_VERSIONS, (open) => setAction(open ? REPLACE_OLDER_VERSIONS : '')]);
  const panelId = `replace-older-${profile.id}`;
  const offered = canChangeApps && (replace.open || olderVersionsToReplace(profile).length > 0);
  return (
    <section className="card" aria-labelledby="lineage">
      <div className="card-title-row">
        <h2 id="lineage">{m.profile.lineage}</h2>
        {offered && <DisclosureButton disclosure={replace} controls={panelId} label={m.cleanup.replace.action} />}
      </div>
      <LineageTable lineage={profile.lineage} currentId={profile.id} />
      {offered && replace.open && <ReplaceOlderPanel id={panelId} profile={profile} onReplaced={onReplaced} onClose={replace.close} />}
    </section>
  );
}
