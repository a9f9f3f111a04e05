import { describe, expect, it } from 'vitest';
import { matchRoute, paths, REPLACE_OLDER_VERSIONS } from './routes';

describe('matchRoute', () => {
  it('finds every page at the address paths() gives it', () => {
    expect(matchRoute(paths.dashboard())).toEqual({ name: 'dashboard' });
    expect(matchRoute(paths.apps())).toEqual({ name: 'apps' });
    expect(matchRoute(paths.upload())).toEqual({ name: 'upload' });
    expect(matchRoute(paths.app(7))).toEqual({ name: 'app', id: 7, tab: 'details' });
    expect(matchRoute(paths.app(7, 'files'))).toEqual({ name: 'app', id: 7, tab: 'files' });
    expect(matchRoute(paths.profile(3))).toEqual({ name: 'profile', id: 3 });
    expect(matchRoute(paths.renewal(4))).toEqual({ name: 'renewal', id: 4 });
    expect(matchRoute(paths.device(9))).toEqual({ name: 'device', id: 9 });
    expect(matchRoute(paths.audit())).toEqual({ name: 'audit' });
  });

  it('opens "replace older versions" on the profile’s own page', () => {
    const address = new URL(paths.replaceOlderVersions(3), 'http://console.test');
    expect(matchRoute(address.pathname)).toEqual({ name: 'profile', id: 3 });
    expect(address.searchParams.get('action')).toBe(REPLACE_OLDER_VERSIONS);
  });

  it('ignores a trailing slash', () => {
    expect(matchRoute('/apps/native/internal/7/files/')).toEqual({ name: 'app', id: 7, tab: 'files' });
  });

  it('knows nothing else', () => {
    expect(matchRoute('/apps')).toEqual({ name: 'notFound' });
    expect(matchRoute('/apps/native/internal/0')).toEqual({ name: 'notFound' });
    expect(matchRoute('/profiles/abc')).toEqual({ name: 'notFound' });
    expect(matchRoute('/profiles/renewals')).toEqual({ name: 'notFound' });
  });
});
