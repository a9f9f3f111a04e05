import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Header } from './Header';
import { Sidebar } from './Sidebar';

/** The frame around every page once logged in. */
export function Shell({ children }: { readonly children: ReactNode }) {
  const { m } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {m.common.skipToContent}
      </a>
      <Header />
      <div className="shell-body">
        <Sidebar />
        <main id="main" className="content">
          {children}
        </main>
      </div>
    </div>
  );
}
