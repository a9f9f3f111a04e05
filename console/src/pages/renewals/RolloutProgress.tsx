import { useState } from 'react';
import { retryRenewal } from '../../api/lifecycle';
import type { Renewal } from '../../api/lifecycle-types';
import { FailureMessage } from '../../components/FailureMessage';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { RolloutCounts } from './RolloutCounts';
import { RolloutMeter } from './RolloutMeter';

interface RolloutProgressProps {
  readonly renewal: Renewal;
  /** Receives the renewal as the retry answered it. */
  readonly onUpdate: (renewal: Renewal) => void;
}

/**
 * How far a renewal reached its devices: the percentage, the count per state and, when devices
 * failed, the action that queues them again. Only the finished state is announced, so a screen
 * reader is not interrupted at every poll.
 */
export function RolloutProgress({ renewal, onUpdate }: RolloutProgressProps) {
  const { m } = useI18n();
  const { canChangeApps } = useSession();
  const [retrying, setRetrying] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const { rollout } = renewal;
  const retry = () => {
    setRetrying(true);
    setFailure(undefined);
    retryRenewal(renewal.id).then(
      (answer) => {
        setRetrying(false);
        onUpdate(answer);
      },
      (error: unknown) => {
        setRetrying(false);
        setFailure(error);
      },
    );
  };
  return (
    <div className="rollout-progress">
      <RolloutMeter rollout={rollout} label={m.rollout.progressOf(renewal.oldProfile.name)} />
      <p className={rollout.complete ? 'rollout-status done' : 'rollout-status'} role="status">
        {rollout.complete ? m.rollout.complete : m.rollout.running}
      </p>
      <RolloutCounts rollout={rollout} />
      {canChangeApps && rollout.failed > 0 && (
        <button type="button" className="button secondary" onClick={retry} disabled={retrying}>
          {m.rollout.retryFailed}
        </button>
      )}
      {failure !== undefined && <FailureMessage error={failure} />}
    </div>
  );
}
