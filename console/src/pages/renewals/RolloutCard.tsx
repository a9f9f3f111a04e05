import type { Renewal } from '../../api/lifecycle-types';
import { FailureMessage } from '../../components/FailureMessage';
import { useLiveRenewal } from '../../hooks/use-live-renewal';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';
import { RolloutProgress } from './RolloutProgress';

/** A renewal's rollout followed live in a card, with the way to its devices. */
export function RolloutCard({ renewal: initial }: { readonly renewal: Renewal }) {
  const { m, format } = useI18n();
  const live = useLiveRenewal(initial.id, initial);
  const renewal = live.renewal ?? initial;
  const headingId = `rollout-${renewal.id}`;
  return (
    <section className="card rollout-card" aria-labelledby={headingId}>
      <div className="card-title-row">
        <h2 id={headingId}>{m.rollout.title(renewal.oldProfile.name)}</h2>
        <Link to={paths.renewal(renewal.id)}>{m.rollout.openDevices}</Link>
      </div>
      <p className="muted small">{m.rollout.replacedBy(renewal.newProfile.name, format.date(renewal.newProfile.expirationDate))}</p>
      {live.error !== undefined && <FailureMessage error={live.error} />}
      <RolloutProgress renewal={renewal} onUpdate={live.update} />
    </section>
  );
}
