import { removeExpiredFromDevices } from '../../../api/cleanup';
import { DryRunPanel } from '../../../components/DryRunPanel';
import { useI18n } from '../../../i18n/i18n-context';
import { useSession } from '../../../session/session-context';
import { ExpiredRemovalsTable } from './ExpiredRemovalsTable';

interface RemoveExpiredPanelProps {
  readonly id: string;
  readonly ogId: number;
  readonly onClose: () => void;
}

/**
 * Verlopen profielen van toestellen verwijderen / Remove expired profiles from devices: which
 * expired profiles sit on devices of the group (and below) next to a valid successor, and how
 * many devices each; once confirmed, the removals are queued.
 */
export function RemoveExpiredPanel({ id, ogId, onClose }: RemoveExpiredPanelProps) {
  const { m } = useI18n();
  const { ogNames } = useSession();
  const og = ogNames.get(ogId) ?? m.common.none;
  const texts = {
    title: m.cleanup.expired.title(og),
    confirm: () => m.cleanup.expired.confirm,
    applying: m.cleanup.expired.applying,
    refused: m.cleanup.expired.refused,
  };
  return (
    <DryRunPanel
      id={id}
      headingLevel={2}
      texts={texts}
      run={(dryRun) => removeExpiredFromDevices(ogId, dryRun)}
      hasWork={(plan) => plan.removals.length > 0}
      renderPlan={(plan) =>
        plan.removals.length === 0 ? (
          <p>{m.cleanup.expired.nothing(og)}</p>
        ) : (
          <>
            <p>{m.cleanup.expired.summary(og)}</p>
            <ExpiredRemovalsTable removals={plan.removals} />
            <p>{m.cleanup.expired.total(plan.devices)}</p>
          </>
        )
      }
      renderResult={(result) => (
        <>
          <p className="result-headline">{m.cleanup.expired.done(result.devices)}</p>
          {result.removals.length > 0 && <ExpiredRemovalsTable removals={result.removals} />}
        </>
      )}
      onClose={onClose}
    />
  );
}
