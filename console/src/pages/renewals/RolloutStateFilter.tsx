import { ROLLOUT_STATES, type RolloutState, type RolloutSummary } from '../../api/lifecycle-types';
import { useI18n } from '../../i18n/i18n-context';
import { stateCount } from './state-count';

interface RolloutStateFilterProps {
  readonly rollout: RolloutSummary;
  readonly current: RolloutState;
  readonly onChange: (state: RolloutState) => void;
}

/** One toggle button per device state, with its count; the pressed one is listed. */
export function RolloutStateFilter({ rollout, current, onChange }: RolloutStateFilterProps) {
  const { m, format } = useI18n();
  return (
    <div className="state-filter" role="group" aria-label={m.rollout.showDevices}>
      {ROLLOUT_STATES.map((state) => (
        <button key={state} type="button" className="button secondary" aria-pressed={state === current} onClick={() => onChange(state)}>
          {m.rollout.states[state]} <span className="count">{format.number(stateCount(rollout, state))}</span>
        </button>
      ))}
    </div>
  );
}
