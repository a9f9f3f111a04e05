import type { Renewal } from '../../api/lifecycle-types';
import { RolloutCard } from '../renewals/RolloutCard';

interface AppRolloutsProps {
  readonly appId: number;
  /** Renewals whose rollout is not complete, of every group in reach. */
  readonly active: readonly Renewal[];
  /** The renewal just applied on this page: followed even once complete. */
  readonly applied: Renewal | undefined;
}

/** The rollouts still running for an app's profiles, and the one just applied, each followed live. */
export function AppRollouts({ appId, active, applied }: AppRolloutsProps) {
  const running = active.filter((renewal) => renewal.id !== applied?.id && renewal.apps.some((app) => app.appId === appId));
  const shown = applied === undefined ? running : [applied, ...running];
  return shown.map((renewal) => <RolloutCard key={renewal.id} renewal={renewal} />);
}
