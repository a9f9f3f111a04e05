import { AppDetailPage } from '../pages/app-detail/AppDetailPage';
import { InternalAppsPage } from '../pages/apps/InternalAppsPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { DeviceDetailPage } from '../pages/devices/DeviceDetailPage';
import { DevicesPage } from '../pages/devices/DevicesPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ProfileDetailPage } from '../pages/profiles/ProfileDetailPage';
import { ProfilesPage } from '../pages/profiles/ProfilesPage';
import { RolloutPage } from '../pages/renewals/RolloutPage';
import { UploadAppPage } from '../pages/upload/UploadAppPage';
import { useRouter } from '../routing/router-context';
import { matchRoute, type Route } from '../routing/routes';

/** The page for the current address. */
export function RouteView() {
  const { pathname } = useRouter();
  const route = matchRoute(pathname);
  return <Page key={pageKey(route)} route={route} />;
}

/** Pages are remounted when their address changes, except between an app's tabs. */
function pageKey(route: Route): string {
  return 'id' in route ? `${route.name}-${route.id}` : route.name;
}

function Page({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'apps':
      return <InternalAppsPage />;
    case 'upload':
      return <UploadAppPage />;
    case 'app':
      return <AppDetailPage id={route.id} tab={route.tab} />;
    case 'profiles':
      return <ProfilesPage />;
    case 'profile':
      return <ProfileDetailPage id={route.id} />;
    case 'renewal':
      return <RolloutPage id={route.id} />;
    case 'devices':
      return <DevicesPage />;
    case 'device':
      return <DeviceDetailPage id={route.id} />;
    case 'audit':
      return <AuditPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
