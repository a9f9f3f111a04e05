import { I18nProvider } from '../i18n/I18nProvider';
import { Shell } from '../layout/Shell';
import { RouterProvider } from '../routing/RouterProvider';
import { SessionProvider } from '../session/SessionProvider';
import { RouteView } from './RouteView';

/** The console: language first (the login page speaks it too), then the address, then the session. */
export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Shell>
            <RouteView />
          </Shell>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
