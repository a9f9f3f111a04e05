import { useEffect } from 'react';

/** Calls `refresh` every `ms` while `enabled` (e.g. while a rollout on the page is still running). */
export function useRefreshEvery(refresh: () => void, ms: number, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const timer = setInterval(refresh, ms);
    return () => clearInterval(timer);
  }, [refresh, ms, enabled]);
}
