import { createContext, useContext } from 'react';
import type { Actor } from '../api/types';
import type { OgOption } from './og-options';

/** The logged-in admin and the organization group the console is looking at. */
export interface Session {
  readonly actor: Actor;
  /** The admin's home group and every group below it, in tree order. */
  readonly ogs: readonly OgOption[];
  readonly ogNames: ReadonlyMap<number, string>;
  /** The group lists are filtered to (it and the groups below it). */
  readonly selectedOgId: number;
  readonly selectOg: (id: number) => void;
  /**
   * Whether upload and delete actions are offered. The server decides what is allowed; this
   * only keeps read-only admins from seeing buttons that would be refused.
   */
  readonly canChangeApps: boolean;
  readonly logOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The session; only inside `SessionProvider`, once someone is logged in. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession is used outside SessionProvider');
  return session;
}
