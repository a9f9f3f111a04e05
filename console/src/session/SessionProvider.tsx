import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiFailure, isAbort } from '../api/api-failure';
import { fetchOgTree } from '../api/catalog';
import { onUnauthenticated } from '../api/client';
import { fetchMe, forgetSession, logOut, mayHoldSession } from '../api/session';
import type { Actor } from '../api/types';
import { LoginPage } from '../pages/login/LoginPage';
import { LoadingScreen } from '../components/LoadingScreen';
import { flattenOgTree, ogNames, type OgOption } from './og-options';
import { initialOg, rememberOg } from './selected-og';
import { SessionContext, type Session } from './session-context';

type SessionState =
  | { readonly status: 'checking' }
  | { readonly status: 'anonymous' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'signedIn'; readonly actor: Actor; readonly ogs: readonly OgOption[]; readonly selectedOgId: number };

/**
 * Who is logged in. The groups are asked for only once the session proved valid, so an ended
 * session costs one refused request, not two.
 */
async function loadSession(signal: AbortSignal): Promise<SessionState> {
  if (!mayHoldSession()) return { status: 'anonymous' };
  try {
    const actor = await fetchMe(signal);
    const ogs = flattenOgTree(await fetchOgTree(signal));
    return { status: 'signedIn', actor, ogs, selectedOgId: initialOg(ogs, actor.homeOgId) };
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return { status: 'anonymous' };
    throw error;
  }
}

/** Finds out who is logged in; shows the login page until someone is, and again when the session ends. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const recheck = useCallback(() => setAttempt((value) => value + 1), []);
  useEffect(() => {
    const controller = new AbortController();
    loadSession(controller.signal).then(setState, (error: unknown) => {
      if (!isAbort(error)) setState({ status: 'failed', error });
    });
    return () => controller.abort();
  }, [attempt]);
  useEffect(
    () =>
      onUnauthenticated(() => {
        forgetSession();
        setState({ status: 'anonymous' });
      }),
    [],
  );
  const session = useMemo(() => (state.status === 'signedIn' ? toSession(state, setState) : null), [state]);
  if (state.status === 'checking') return <LoadingScreen />;
  if (state.status === 'failed') return <LoadingScreen failure={state.error} onRetry={recheck} />;
  if (session === null) return <LoginPage onLoggedIn={recheck} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

function toSession(state: Extract<SessionState, { status: 'signedIn' }>, setState: (state: SessionState) => void): Session {
  return {
    actor: state.actor,
    ogs: state.ogs,
    ogNames: ogNames(state.ogs),
    selectedOgId: state.selectedOgId,
    selectOg: (id) => {
      rememberOg(id);
      setState({ ...state, selectedOgId: id });
    },
    canChangeApps: state.actor.role !== 'read-only',
    logOut: () => {
      const signedOut = () => setState({ status: 'anonymous' });
      logOut().then(signedOut, signedOut);
    },
  };
}
