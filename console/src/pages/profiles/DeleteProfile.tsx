import { useState } from 'react';
import { deleteProfile } from '../../api/catalog';
import type { ProfileDetail } from '../../api/types';
import { FailureMessage } from '../../components/FailureMessage';
import { useI18n } from '../../i18n/i18n-context';

interface DeleteProfileProps {
  readonly profile: ProfileDetail;
  readonly onDeleted: () => void;
}

/** The apps using a profile, by name, once each. */
function appNames(profile: ProfileDetail): string[] {
  return [...new Set(profile.sharedBy.map((usage) => usage.appName))];
}

/**
 * Deletes a profile after a confirmation. While apps use it the button stays disabled and says
 * which apps; the server refuses anyway, and that refusal is shown in words too.
 */
export function DeleteProfile({ profile, onDeleted }: DeleteProfileProps) {
  const { m, format } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const users = appNames(profile);
  const confirm = () => {
    setBusy(true);
    deleteProfile(profile.id).then(onDeleted, (error: unknown) => {
      setFailure(error);
      setBusy(false);
      setConfirming(false);
    });
  };
  return (
    <div className="danger-zone">
      {!confirming && (
        <button type="button" className="button danger" disabled={users.length > 0} aria-describedby={users.length > 0 ? 'delete-blocked' : undefined} onClick={() => setConfirming(true)}>
          {m.profiles.delete}
        </button>
      )}
      {users.length > 0 && (
        <p id="delete-blocked" className="muted small">
          {m.profiles.deleteBlocked(format.list(users))}
        </p>
      )}
      {confirming && (
        <div className="confirm" role="group" aria-labelledby="delete-question">
          <p id="delete-question">{m.profiles.deleteQuestion(profile.name)}</p>
          <button type="button" className="button danger" onClick={confirm} disabled={busy} autoFocus>
            {m.profiles.confirmDelete}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)} disabled={busy}>
            {m.common.cancel}
          </button>
        </div>
      )}
      {failure !== undefined && <FailureMessage error={failure} />}
    </div>
  );
}
