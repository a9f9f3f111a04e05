import type { RolloutSummary } from '../../api/lifecycle-types';
import { useI18n } from '../../i18n/i18n-context';

/**
 * A rollout's percentage as a bar with the figure beside it. The native progress element tells
 * screen readers the value; the text says it for everyone else.
 */
export function RolloutMeter({ rollout, label }: { readonly rollout: RolloutSummary; readonly label: string }) {
  const { m, format } = useI18n();
  return (
    <div className="rollout-meter">
      <progress max={100} value={rollout.percent} aria-label={label} />
      <span className="rollout-percent">{format.percent(rollout.percent)}</span>
      <span className="muted small">{m.rollout.installedOf(rollout.installed, rollout.total)}</span>
    </div>
  );
}
