import { useI18n } from '../../i18n/i18n-context';

/**
 * RENEWAL RELEASE: "Vernieuwen" uploads the replacement profile, shows the checks and the diff,
 * offers "Update the provisioning profile for all applications" when several apps share the
 * profile, and follows the rollout. The lifecycle API does not exist yet, so the button is
 * shown disabled with the reason.
 */
export function RenewAction({ profileId }: { readonly profileId: number }) {
  const { m } = useI18n();
  const reasonId = `renew-pending-${profileId}`;
  return (
    <div className="renew">
      <button type="button" className="button primary" disabled aria-describedby={reasonId}>
        {m.files.renew}
      </button>
      <p id={reasonId} className="muted small">
        {m.files.renewPending}
      </p>
    </div>
  );
}
