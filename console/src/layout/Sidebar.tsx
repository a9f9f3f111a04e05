import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../routing/Link';
import { useRouter } from '../routing/router-context';
import { paths } from '../routing/routes';

/** The main menu, grouped as admins know it: Resources > Apps > Native > Internal. */
export function Sidebar() {
  const { m } = useI18n();
  return (
    <nav className="sidebar" aria-label={m.nav.label}>
      <ul>
        <NavItem to={paths.dashboard()} exact>
          {m.nav.dashboard}
        </NavItem>
        <li>
          <span className="nav-group">{m.nav.resources}</span>
          <ul>
            <li>
              <span className="nav-group">{m.nav.apps}</span>
              <ul>
                <li>
                  <span className="nav-group">{m.nav.native}</span>
                  <ul>
                    <NavItem to={paths.apps()}>{m.nav.internal}</NavItem>
                  </ul>
                </li>
                <NavItem to={paths.profiles()}>{m.nav.profiles}</NavItem>
              </ul>
            </li>
            <NavItem to={paths.devices()}>{m.nav.devices}</NavItem>
          </ul>
        </li>
        <li>
          <span className="nav-group">{m.nav.monitor}</span>
          <ul>
            <NavItem to={paths.audit()}>{m.nav.audit}</NavItem>
          </ul>
        </li>
      </ul>
    </nav>
  );
}

function NavItem({ to, exact = false, children }: { readonly to: string; readonly exact?: boolean; readonly children: ReactNode }) {
  const { pathname } = useRouter();
  const here = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <li>
      <Link to={to} className="nav-link" aria-current={here ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}
