/** The pages of the console, as parsed from the address bar. */
export type Route =
  | { readonly name: 'dashboard' }
  | { readonly name: 'apps' }
  | { readonly name: 'upload' }
  | { readonly name: 'app'; readonly id: number; readonly tab: AppTab }
  | { readonly name: 'profiles' }
  | { readonly name: 'profile'; readonly id: number }
  | { readonly name: 'renewal'; readonly id: number }
  | { readonly name: 'devices' }
  | { readonly name: 'device'; readonly id: number }
  | { readonly name: 'audit' }
  | { readonly name: 'notFound' };

export type AppTab = 'details' | 'files';

const INTERNAL_APPS = '/apps/native/internal';

/** `?action=` on a profile's page that opens "replace older versions" there. */
export const REPLACE_OLDER_VERSIONS = 'replace-older-versions';

/** Addresses of the pages; the server answers each of them with the console (SPA fallback). */
export const paths = {
  dashboard: () => '/',
  apps: () => INTERNAL_APPS,
  upload: () => `${INTERNAL_APPS}/upload`,
  app: (id: number, tab: AppTab = 'details') => (tab === 'details' ? `${INTERNAL_APPS}/${id}` : `${INTERNAL_APPS}/${id}/${tab}`),
  profiles: () => '/profiles',
  profile: (id: number) => `/profiles/${id}`,
  /** A profile's page with "replace older versions" opened (its dry run running). */
  replaceOlderVersions: (id: number) => `/profiles/${id}?action=${REPLACE_OLDER_VERSIONS}`,
  /** A renewal's rollout; under /profiles, a section the server already answers with the console. */
  renewal: (id: number) => `/profiles/renewals/${id}`,
  devices: () => '/devices',
  device: (id: number) => `/devices/${id}`,
  audit: () => '/audit',
} as const;

const ID = '([1-9][0-9]{0,14})';

const PATTERNS: ReadonlyArray<readonly [RegExp, (groups: readonly string[]) => Route]> = [
  [/^\/$/, () => ({ name: 'dashboard' })],
  [new RegExp(`^${INTERNAL_APPS}$`), () => ({ name: 'apps' })],
  [new RegExp(`^${INTERNAL_APPS}/upload$`), () => ({ name: 'upload' })],
  [new RegExp(`^${INTERNAL_APPS}/${ID}$`), ([id]) => ({ name: 'app', id: Number(id), tab: 'details' })],
  [new RegExp(`^${INTERNAL_APPS}/${ID}/files$`), ([id]) => ({ name: 'app', id: Number(id), tab: 'files' })],
  [/^\/profiles$/, () => ({ name: 'profiles' })],
  [new RegExp(`^/profiles/${ID}$`), ([id]) => ({ name: 'profile', id: Number(id) })],
  [new RegExp(`^/profiles/renewals/${ID}$`), ([id]) => ({ name: 'renewal', id: Number(id) })],
  [/^\/devices$/, () => ({ name: 'devices' })],
  [new RegExp(`^/devices/${ID}$`), ([id]) => ({ name: 'device', id: Number(id) })],
  [/^\/audit$/, () => ({ name: 'audit' })],
];

/** The page at `pathname`; a trailing slash is ignored. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, toRoute] of PATTERNS) {
    const match = pattern.exec(path);
    if (match !== null) return toRoute(match.slice(1));
  }
  return { name: 'notFound' };
}
