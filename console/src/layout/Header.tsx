import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticesBell } from './NoticesBell';
import { OgSwitcher } from './OgSwitcher';

/** The bar across the top: product, organization group, notices, language and the admin. */
export function Header() {
  const { m } = useI18n();
  const { actor, logOut } = useSession();
  return (
    <header className="top-bar">
      <span className="brand">{m.common.productName}</span>
      <OgSwitcher />
      <div className="top-bar-end">
        <NoticesBell />
        <LanguageSwitch />
        <span className="who">
          <span>{m.header.signedInAs(actor.name)}</span>
          <span className="role">{m.roles[actor.role]}</span>
        </span>
        <button type="button" className="button secondary" onClick={logOut}>
          {m.header.logOut}
        </button>
      </div>
    </header>
  );
}
