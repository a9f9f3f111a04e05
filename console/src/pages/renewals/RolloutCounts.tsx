import type { RolloutState, RolloutSummary } from '../../api/lifecycle-types';
import { useI18n } from '../../i18n/i18n-context';

/** The devices of a rollout per state; each count in a fixed box so changing numbers move nothing. */
export function RolloutCounts({ rollout }: { readonly rollout: RolloutSummary }) {
  const { m, format } = useI18n();
  const counts: ReadonlyArray<readonly [RolloutState | 'oldRemoved', number]> = [
    ['installed', rollout.installed],
    ['pending', rollout.pending],
    ['waiting_unlock', rollout.waitingUnlock],
    ['failed', rollout.failed],
    ['oldRemoved', rollout.oldRemoved],
  ];
  return (
    <dl className="rollout-counts">
      {counts.map(([state, count]) => (
        <div key={state} className={`rollout-count state-${state}`}>
          <dt>{state === 'oldRemoved' ? m.rollout.oldRemoved : m.rollout.states[state]}</dt>
          <dd>{format.number(count)}</dd>
        </div>
      ))}
    </dl>
  );
}
