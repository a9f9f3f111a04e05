import { useCallback, useEffect, useRef, useState } from 'react';

/** Where a change that the server previews first stands. */
export type DryRunStep<T> =
  | { readonly name: 'checking' }
  /** The preview itself was refused (or failed). */
  | { readonly name: 'refused'; readonly error: unknown }
  /** What would happen; `error` says why the confirmed change failed, when it did. */
  | { readonly name: 'planned'; readonly plan: T; readonly error?: unknown }
  | { readonly name: 'applying'; readonly plan: T }
  | { readonly name: 'done'; readonly result: T };

export interface DryRun<T> {
  readonly step: DryRunStep<T>;
  /** Makes the change for real; only from the `planned` step. */
  readonly apply: () => void;
  /** Asks for the preview again, e.g. after a refusal. */
  readonly recheck: () => void;
}

/**
 * A change previewed before it is made: `run(true)` answers what would happen (when the
 * component mounts and on `recheck`), `run(false)` makes the change once confirmed. Answers that
 * arrive after the component is gone are dropped.
 */
export function useDryRun<T>(run: (dryRun: boolean) => Promise<T>, onApplied?: (result: T) => void): DryRun<T> {
  const [step, setStep] = useState<DryRunStep<T>>({ name: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    let current = true;
    setStep({ name: 'checking' });
    run(true).then(
      (plan) => current && setStep({ name: 'planned', plan }),
      (error: unknown) => current && setStep({ name: 'refused', error }),
    );
    return () => {
      current = false;
    };
    // `run` is a new closure on every render; the caller keys the component by what it reads.
  }, [attempt]);
  const apply = () => {
    if (step.name !== 'planned') return;
    const { plan } = step;
    setStep({ name: 'applying', plan });
    run(false).then(
      (result) => {
        if (!mounted.current) return;
        setStep({ name: 'done', result });
        onApplied?.(result);
      },
      (error: unknown) => mounted.current && setStep({ name: 'planned', plan, error }),
    );
  };
  const recheck = useCallback(() => setAttempt((value) => value + 1), []);
  return { step, apply, recheck };
}
