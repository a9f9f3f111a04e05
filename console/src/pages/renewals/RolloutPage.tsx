import type { Renewal } from '../../api/lifecycle-types';
import { FailureMessage } from '../../components/FailureMessage';
import { PageHeader } from '../../components/PageHeader';
import { useLiveRenewal } from '../../hooks/use-live-renewal';
import { useI18n } from '../../i18n/i18n-context';
import { paths } from '../../routing/routes';
import { RenewalFacts } from './RenewalFacts';
import { RolloutDevices } from './RolloutDevices';
import { RolloutProgress } from './RolloutProgress';

/** One renewal: what it replaced, for which apps, and its rollout live, device by device. */
export function RolloutPage({ id }: { readonly id: number }) {
  const { m } = useI18n();
  const live = useLiveRenewal(id);
  const { renewal } = live;
  const title = renewal === undefined ? (live.error === undefined ? m.common.loading : m.common.unavailable) : m.rollout.title(renewal.oldProfile.name);
  const trail = [{ label: m.nav.resources }, { label: m.nav.apps }, { label: m.nav.profiles, to: paths.profiles() }, { label: title }];
  return (
    <>
      <PageHeader title={title} trail={trail} />
      {live.error !== undefined && <FailureMessage error={live.error} />}
      {renewal !== undefined && <RolloutSections renewal={renewal} onUpdate={live.update} />}
    </>
  );
}

function RolloutSections({ renewal, onUpdate }: { readonly renewal: Renewal; readonly onUpdate: (renewal: Renewal) => void }) {
  const { m } = useI18n();
  return (
    <>
      <section className="card" aria-labelledby="renewal-facts">
        <h2 id="renewal-facts">{m.rollout.whatChanged}</h2>
        <RenewalFacts renewal={renewal} />
      </section>
      <section className="card" aria-labelledby="rollout-progress">
        <h2 id="rollout-progress">{m.rollout.progress}</h2>
        <RolloutProgress renewal={renewal} onUpdate={onUpdate} />
      </section>
      <section aria-labelledby="rollout-devices">
        <h2 id="rollout-devices">{m.rollout.devices}</h2>
        <RolloutDevices renewalId={renewal.id} rollout={renewal.rollout} />
      </section>
    </>
  );
}
