import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { RouterContext, type Router } from './router-context';

interface Place {
  readonly pathname: string;
  readonly search: string;
}

function currentPlace(): Place {
  return { pathname: window.location.pathname, search: window.location.search };
}

/** A minimal history-API router: the address bar is the state, back and forward just work. */
export function RouterProvider({ children }: { readonly children: ReactNode }) {
  const [place, setPlace] = useState<Place>(currentPlace);
  useEffect(() => {
    const onPopState = () => setPlace(currentPlace());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const navigate = useCallback<Router['navigate']>((to, options) => {
    if (options?.replace === true) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setPlace(currentPlace());
  }, []);
  const router = useMemo<Router>(
    () => ({ pathname: place.pathname, search: new URLSearchParams(place.search), navigate }),
    [place, navigate],
  );
  return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}
