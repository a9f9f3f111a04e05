import { createContext, useContext } from 'react';

/** Where the console is, and how to move. */
export interface Router {
  readonly pathname: string;
  readonly search: URLSearchParams;
  /** Goes to `to` (a path with an optional query), adding a history entry unless `replace`. */
  readonly navigate: (to: string, options?: { readonly replace?: boolean }) => void;
}

export const RouterContext = createContext<Router | null>(null);

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (router === null) throw new Error('useRouter is used outside RouterProvider');
  return router;
}
