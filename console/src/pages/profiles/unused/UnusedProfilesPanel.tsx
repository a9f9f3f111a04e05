import { deleteUnusedProfiles } from '../../../api/cleanup';
import type { UnusedProfilesCleanup } from '../../../api/cleanup-types';
import { DryRunPanel } from '../../../components/DryRunPanel';
import { useI18n } from '../../../i18n/i18n-context';
import { useSession } from '../../../session/session-context';
import { CleanedProfilesTable } from './CleanedProfilesTable';

interface UnusedProfilesPanelProps {
  readonly id: string;
  readonly ogId: number;
  readonly onDeleted: () => void;
  readonly onClose: () => void;
}

/** Ongebruikte profielen verwijderen / Delete unused profiles of a group (and below): the list first, then, once confirmed, the deletion. */
export function UnusedProfilesPanel({ id, ogId, onDeleted, onClose }: UnusedProfilesPanelProps) {
  const { m } = useI18n();
  const { ogNames } = useSession();
  const og = ogNames.get(ogId) ?? m.common.none;
  const texts = {
    title: m.cleanup.unused.title(og),
    confirm: (plan: UnusedProfilesCleanup) => m.cleanup.unused.confirm(plan.profiles.length),
    applying: m.cleanup.unused.applying,
    refused: m.cleanup.unused.refused,
  };
  return (
    <DryRunPanel
      id={id}
      headingLevel={2}
      texts={texts}
      irreversible
      run={(dryRun) => deleteUnusedProfiles(ogId, dryRun)}
      hasWork={(plan) => plan.profiles.length > 0}
      renderPlan={(plan) =>
        plan.profiles.length === 0 ? (
          <p>{m.cleanup.unused.nothing(og)}</p>
        ) : (
          <>
            <p>{m.cleanup.unused.summary(plan.profiles.length, og)}</p>
            <CleanedProfilesTable profiles={plan.profiles} label={m.cleanup.unused.table} linked />
          </>
        )
      }
      renderResult={(result) => (
        <>
          <p className="result-headline">{m.cleanup.unused.done(result.profiles.length)}</p>
          {result.profiles.length > 0 && <CleanedProfilesTable profiles={result.profiles} label={m.cleanup.unused.deletedTable} linked={false} />}
        </>
      )}
      onApplied={onDeleted}
      onClose={onClose}
    />
  );
}
