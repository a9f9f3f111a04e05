import { useEffect, useId, useRef, useState } from 'react';
import type { RenewalPlan } from '../../../api/lifecycle-types';
import { FailureMessage } from '../../../components/FailureMessage';
import { useI18n } from '../../../i18n/i18n-context';
import { PlannedAppsTable } from './PlannedAppsTable';
import { RenewalDiffList } from './RenewalDiffList';

interface RenewalPlanViewProps {
  readonly plan: RenewalPlan;
  readonly applying: boolean;
  /** Why applying failed, when it did. */
  readonly error: unknown;
  readonly onConfirm: (applyToAllApps: boolean) => void;
}

/**
 * The checks passed: what the renewal changes and whom it reaches. When several apps share the
 * profile, "Update the provisioning profile for all applications" must be chosen first: renewing
 * it for one app alone would change the others too.
 */
export function RenewalPlanView({ plan, applying, error, onConfirm }: RenewalPlanViewProps) {
  const { m, format } = useI18n();
  const [allApps, setAllApps] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => heading.current?.focus(), []);
  const shared = plan.sharedByApps > 1;
  const blocked = shared && !allApps;
  return (
    <div className="renewal-plan">
      <h4 ref={heading} tabIndex={-1}>
        {m.renewal.planTitle}
      </h4>
      <p>
        {m.renewal.planSummary(plan.profile.name, plan.replacement.name, plan.apps.length, plan.ogIds.length, plan.devices)}
      </p>
      <RenewalDiffList diff={plan.diff} />
      <PlannedAppsTable apps={plan.apps} />
      {shared && (
        <div className="field checkbox all-apps">
          <input id={`${id}-all`} type="checkbox" checked={allApps} onChange={(event) => setAllApps(event.target.checked)} aria-describedby={`${id}-all-hint`} />
          <label htmlFor={`${id}-all`}>{m.renewal.allApps}</label>
          <p id={`${id}-all-hint`} className="hint">
            {m.renewal.allAppsHint(plan.sharedByApps, format.list(plan.apps.map((app) => app.name)))}
          </p>
        </div>
      )}
      {error !== undefined && <FailureMessage error={error} title={m.renewal.notApplied} />}
      <div className="form-actions">
        <button type="button" className="button primary" disabled={blocked || applying} aria-describedby={blocked ? `${id}-blocked` : undefined} onClick={() => onConfirm(shared && allApps)}>
          {m.renewal.apply}
        </button>
        {blocked && (
          <span id={`${id}-blocked`} className="muted small">
            {m.renewal.chooseAllApps}
          </span>
        )}
        {applying && <span role="status">{m.renewal.applying}</span>}
      </div>
    </div>
  );
}
