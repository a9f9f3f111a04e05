import { useId } from 'react';
import { OgOptions } from '../components/OgOptions';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';

/** Chooses the organization group the lists show: the admin's home group or one below it. */
export function OgSwitcher() {
  const { m } = useI18n();
  const { ogs, selectedOgId, selectOg } = useSession();
  const id = useId();
  return (
    <div className="header-field og-switcher">
      <label htmlFor={id}>{m.header.organizationGroup}</label>
      <select id={id} value={selectedOgId} onChange={(event) => selectOg(Number(event.target.value))}>
        <OgOptions ogs={ogs} />
      </select>
    </div>
  );
}
