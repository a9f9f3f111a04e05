import { useEffect, useRef, type ReactNode } from 'react';
import { useDryRun } from '../hooks/use-dry-run';
import { useI18n } from '../i18n/i18n-context';
import { FailureMessage } from './FailureMessage';

/** The words of one previewed change. */
export interface DryRunTexts<T> {
  readonly title: string;
  /** The confirm button, e.g. "Delete 3 profiles". */
  readonly confirm: (plan: T) => string;
  readonly applying: string;
  /** Above the reasons the preview was refused. */
  readonly refused: string;
}

interface DryRunPanelProps<T> {
  readonly id: string;
  readonly headingLevel: 2 | 3;
  readonly texts: DryRunTexts<T>;
  /** `true`: only say what would happen. */
  readonly run: (dryRun: boolean) => Promise<T>;
  /** Whether the preview found anything to do; with nothing to do there is nothing to confirm. */
  readonly hasWork: (plan: T) => boolean;
  /** A change that cannot be undone gets a red confirm button. */
  readonly irreversible?: boolean;
  readonly renderPlan: (plan: T) => ReactNode;
  readonly renderResult: (result: T) => ReactNode;
  readonly onApplied?: (result: T) => void;
  readonly onClose: () => void;
}

/**
 * A change previewed before it is made: the server's dry run in words, a confirm button, then
 * what was done. Nothing changes before the confirmation. Focus follows the steps (the heading
 * when the panel opens, the result when it is done), so keyboard and screen-reader users do too.
 */
export function DryRunPanel<T>({ id, headingLevel, texts, run, hasWork, irreversible = false, renderPlan, renderResult, onApplied, onClose }: DryRunPanelProps<T>) {
  const { m } = useI18n();
  const { step, apply, recheck } = useDryRun(run, onApplied);
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (step.name === 'done') result.current?.focus();
  }, [step.name]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const plan = step.name === 'planned' || step.name === 'applying' ? step.plan : undefined;
  const confirmable = plan !== undefined && hasWork(plan);
  return (
    <section id={id} className="cleanup-panel" aria-labelledby={`${id}-heading`} aria-busy={step.name === 'checking' || step.name === 'applying'}>
      <Heading id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {texts.title}
      </Heading>
      {step.name === 'checking' && <p role="status">{m.cleanup.checking}</p>}
      {step.name === 'refused' && <FailureMessage error={step.error} title={texts.refused} onRetry={recheck} />}
      {plan !== undefined && renderPlan(plan)}
      {step.name === 'planned' && step.error !== undefined && <FailureMessage error={step.error} title={m.cleanup.notApplied} />}
      {step.name === 'done' && (
        <div ref={result} tabIndex={-1} className="cleanup-result">
          {renderResult(step.result)}
        </div>
      )}
      <div className="form-actions">
        {confirmable && (
          <button type="button" className={irreversible ? 'button danger' : 'button primary'} disabled={step.name === 'applying'} onClick={apply}>
            {texts.confirm(plan)}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onClose} disabled={step.name === 'applying'}>
          {confirmable ? m.common.cancel : m.cleanup.close}
        </button>
        {step.name === 'applying' && <span role="status">{texts.applying}</span>}
      </div>
    </section>
  );
}
