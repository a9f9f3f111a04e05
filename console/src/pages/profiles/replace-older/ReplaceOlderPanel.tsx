import { replaceOlderVersions } from '../../../api/cleanup';
import type { LineageReplacement } from '../../../api/cleanup-types';
import type { Profile } from '../../../api/types';
import { DryRunPanel } from '../../../components/DryRunPanel';
import { useI18n } from '../../../i18n/i18n-context';
import { ReplacementPlan } from './ReplacementPlan';
import { ReplacementResult } from './ReplacementResult';

interface ReplaceOlderPanelProps {
  readonly id: string;
  readonly profile: Profile;
  readonly onReplaced: () => void;
  readonly onClose: () => void;
}

/**
 * Oudere versies vervangen / Replace older versions: the server's dry run in words (each older
 * version, its apps, groups and devices, what changes), then, once confirmed, the rollouts.
 */
export function ReplaceOlderPanel({ id, profile, onReplaced, onClose }: ReplaceOlderPanelProps) {
  const { m } = useI18n();
  const texts = {
    title: m.cleanup.replace.title(profile.name),
    confirm: (plan: LineageReplacement) => m.cleanup.replace.confirm(plan.replaced.length),
    applying: m.cleanup.replace.applying,
    refused: m.cleanup.replace.refused,
  };
  return (
    <DryRunPanel
      id={id}
      headingLevel={3}
      texts={texts}
      run={(dryRun) => replaceOlderVersions(profile.id, dryRun)}
      hasWork={(plan) => plan.replaced.length > 0}
      renderPlan={(plan) => <ReplacementPlan replacement={plan} />}
      renderResult={(result) => <ReplacementResult replacement={result} />}
      onApplied={onReplaced}
      onClose={onClose}
    />
  );
}
