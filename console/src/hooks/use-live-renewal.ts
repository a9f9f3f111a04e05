import { useCallback, useEffect, useState } from 'react';
import { isAbort, isRetryable } from '../api/api-failure';
import { fetchRenewal } from '../api/lifecycle';
import type { Renewal } from '../api/lifecycle-types';

/** How often a rollout in progress is read again: devices report within seconds of a push. */
export const ROLLOUT_POLL_MS = 1500;

export interface LiveRenewal {
  readonly renewal: Renewal | undefined;
  /** The last failed read; the last good answer stays shown meanwhile. */
  readonly error: unknown;
  /** Shows an answer obtained elsewhere (e.g. from "retry failed") and polls on from it. */
  readonly update: (renewal: Renewal) => void;
}

/**
 * A renewal read now and again every {@link ROLLOUT_POLL_MS} while its rollout is not complete.
 * One request at a time: the next starts only after the previous answered. A refusal (gone, not
 * allowed) stops the polling; a network or server failure is tried again on the next beat.
 */
export function useLiveRenewal(id: number, initial?: Renewal): LiveRenewal {
  const [renewal, setRenewal] = useState<Renewal | undefined>(initial);
  const [error, setError] = useState<unknown>(undefined);
  const [beat, setBeat] = useState(0);
  const complete = renewal?.rollout.complete === true;
  useEffect(() => {
    if (complete) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      timer = setTimeout(() => setBeat((value) => value + 1), ROLLOUT_POLL_MS);
    };
    // The first read is immediate unless an answer was handed in.
    const delay = beat === 0 && initial !== undefined ? ROLLOUT_POLL_MS : 0;
    timer = setTimeout(() => {
      fetchRenewal(id, controller.signal).then(
        (answer) => {
          setRenewal(answer);
          setError(undefined);
          if (!answer.rollout.complete) next();
        },
        (failure: unknown) => {
          if (isAbort(failure) || controller.signal.aborted) return;
          setError(failure);
          if (isRetryable(failure)) next();
        },
      );
    }, delay);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // `initial` only matters for the first beat.
  }, [id, beat, complete]);
  const update = useCallback((answer: Renewal) => {
    setRenewal(answer);
    setBeat((value) => value + 1);
  }, []);
  return { renewal, error, update };
}
