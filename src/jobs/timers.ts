/** Cancels a timer that has not fired yet; harmless after it fired. */
export type CancelTimer = () => void;

/** Where scheduled jobs set their timers; tests pass timers they fire by hand. */
export interface Timers {
  /** Calls `callback` once, `ms` from now. The timer never keeps the process alive on its own. */
  after(ms: number, callback: () => void): CancelTimer;
}

export const systemTimers: Timers = {
  after(ms, callback) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
