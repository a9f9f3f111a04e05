import { useState } from 'react';
import type { Renewal } from '../../api/lifecycle-types';
import type { ProfileDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { RenewalPanel } from './renewal/RenewalPanel';

interface RenewActionProps {
  readonly profile: ProfileDetail;
  readonly onApplied: (renewal: Renewal) => void;
}

/**
 * Vernieuwen / Renew: opens the renewal of the profile right under the button. A profile that a
 * renewal already replaced is not offered again (its facts link to the successor).
 */
export function RenewAction({ profile, onApplied }: RenewActionProps) {
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = `renew-panel-${profile.id}`;
  if (profile.status === 'superseded') return null;
  return (
    <div className="renew-action">
      {!open && (
        <button type="button" className="button primary" onClick={() => setOpen(true)}>
          {m.files.renew}
        </button>
      )}
      {open && <RenewalPanel id={panelId} profile={profile} onApplied={onApplied} onClose={() => setOpen(false)} />}
    </div>
  );
}
