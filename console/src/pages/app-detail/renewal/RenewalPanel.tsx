import { useEffect, useRef, useState } from 'react';
import { applyRenewal, planRenewal } from '../../../api/lifecycle';
import type { Renewal, RenewalPlan } from '../../../api/lifecycle-types';
import type { ProfileDetail } from '../../../api/types';
import { FailureMessage } from '../../../components/FailureMessage';
import { FileField } from '../../../components/FileField';
import { useI18n } from '../../../i18n/i18n-context';
import { RenewalPlanView } from './RenewalPlanView';

type Step =
  | { readonly name: 'choose'; readonly error?: unknown }
  | { readonly name: 'checking' }
  | { readonly name: 'plan'; readonly plan: RenewalPlan; readonly error?: unknown }
  | { readonly name: 'applying'; readonly plan: RenewalPlan };

interface RenewalPanelProps {
  readonly id: string;
  readonly profile: ProfileDetail;
  readonly onApplied: (renewal: Renewal) => void;
  readonly onClose: () => void;
}

/**
 * The renewal of one profile: choose the replacement, see every check or the plan (what changes,
 * which apps, groups and devices), confirm, and hand the applied renewal on. Nothing changes on
 * the server before the confirmation.
 */
export function RenewalPanel({ id, profile, onApplied, onClose }: RenewalPanelProps) {
  const { m } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setStep({ name: 'choose' });
  };
  const check = () => {
    if (file === null) return;
    setStep({ name: 'checking' });
    // The dry run covers every app sharing the profile: that is what applying would reach.
    planRenewal({ profileId: profile.id, replacement: file, applyToAllApps: true }).then(
      (plan) => setStep({ name: 'plan', plan }),
      (error: unknown) => setStep({ name: 'choose', error }),
    );
  };
  const apply = (plan: RenewalPlan, applyToAllApps: boolean) => {
    if (file === null) return;
    setStep({ name: 'applying', plan });
    applyRenewal({ profileId: profile.id, replacement: file, applyToAllApps }).then(onApplied, (error: unknown) => setStep({ name: 'plan', plan, error }));
  };
  return (
    <section id={id} className="renew-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {m.renewal.title(profile.name)}
      </h3>
      <FileField id={`${id}-file`} label={m.renewal.replacement} hint={m.renewal.replacementHint} accept=".mobileprovision" required onFile={choose} />
      {step.name === 'choose' && step.error !== undefined && <FailureMessage error={step.error} title={m.renewal.refused} />}
      <div className="form-actions">
        {(step.name === 'choose' || step.name === 'checking') && (
          <button type="button" className="button primary" onClick={check} disabled={file === null || step.name === 'checking'}>
            {m.renewal.check}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onClose} disabled={step.name === 'applying'}>
          {m.common.cancel}
        </button>
        {step.name === 'checking' && <span role="status">{m.renewal.checking}</span>}
      </div>
      {(step.name === 'plan' || step.name === 'applying') && (
        <RenewalPlanView plan={step.plan} applying={step.name === 'applying'} error={step.name === 'plan' ? step.error : undefined} onConfirm={(all) => apply(step.plan, all)} />
      )}
    </section>
  );
}
